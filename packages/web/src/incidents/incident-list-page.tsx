import { Button, Group, Stack, Text } from "@mantine/core";
import { type IncidentSeverity, type IncidentStatus, routes } from "@openaims/contracts";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { EnumFilter, FilterBar, SystemFilter, useFilterParams } from "../ui/list-filters";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { IncidentsTable } from "./incidents-table";

const filterKeys = ["status", "severity", "systemId"] as const;

/** Every incident of the organisation, newest first; filters live in the URL (`?status=…`). */
export default function IncidentListPage() {
  const { orgId, can } = useOrg();
  const { params, bind, filtered } = useFilterParams(filterKeys);
  const query = {
    status: (params.get("status") as IncidentStatus | null) ?? undefined,
    severity: (params.get("severity") as IncidentSeverity | null) ?? undefined,
    systemId: params.get("systemId") ?? undefined,
  };
  const list = usePagedQuery(["incidents", orgId, "list", query], (cursor) =>
    callApi(routes.listIncidents, { params: { orgId }, query: { ...query, cursor, limit: PAGE_SIZE } }),
  );
  const canWrite = can("governance.write");
  const empty = filtered
    ? "No incidents match these filters. Clear a filter to see more."
    : canWrite
      ? "No incidents yet. Report one when an AI system causes or nearly causes harm, or open one from an alert."
      : "No incidents yet. If something went wrong with an AI system, report a concern.";

  return (
    <Stack>
      <PageHeader title="Incidents">
        <Group>
          {can("concerns.manage") && (
            <Button component={Link} to="concerns" variant="default">
              Concerns
            </Button>
          )}
          <Button component={Link} to="concerns/new" variant="default">
            Report a concern
          </Button>
          {canWrite && (
            <Button component={Link} to="new">
              Report an incident
            </Button>
          )}
        </Group>
      </PageHeader>
      <Text c="dimmed">
        Incidents involving your AI systems, from report to closure: what happened, what was done, who was told, and
        what was learned. Anyone in the organisation can raise a concern; it is triaged into an incident or a risk.
      </Text>
      <FilterBar>
        <EnumFilter of="incidentStatus" label="Status" {...bind("status")} />
        <EnumFilter of="incidentSeverity" label="Severity" {...bind("severity")} />
        <SystemFilter orgId={orgId} {...bind("systemId")} />
      </FilterBar>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? <PageLoader /> : <IncidentsTable orgId={orgId} incidents={list.items} empty={empty} />}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
