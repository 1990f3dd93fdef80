import { Button, Group, Select, Stack, Text } from "@mantine/core";
import { enumOptions, type IncidentSeverity, type IncidentStatus, routes } from "@openaims/contracts";
import { Link, useSearchParams } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useSystemOptions } from "../risks/use-risk-data";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { IncidentsTable } from "./incidents-table";

const filterKeys = ["status", "severity", "systemId"] as const;

/** Every incident of the organisation, newest first; filters live in the URL (`?status=…`). */
export default function IncidentListPage() {
  const { orgId, can } = useOrg();
  const [params, setParams] = useSearchParams();
  const systems = useSystemOptions(orgId);
  const query = {
    status: (params.get("status") as IncidentStatus | null) ?? undefined,
    severity: (params.get("severity") as IncidentSeverity | null) ?? undefined,
    systemId: params.get("systemId") ?? undefined,
  };
  const list = usePagedQuery(["incidents", orgId, "list", query], (cursor) =>
    callApi(routes.listIncidents, { params: { orgId }, query: { ...query, cursor, limit: PAGE_SIZE } }),
  );
  const setFilter = (key: (typeof filterKeys)[number], value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const filtered = filterKeys.some((key) => params.get(key));
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
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Status"
          placeholder="Any status"
          data={enumOptions("incidentStatus")}
          value={query.status ?? null}
          onChange={(value) => setFilter("status", value)}
          clearable
        />
        <Select
          label="Severity"
          placeholder="Any severity"
          data={enumOptions("incidentSeverity")}
          value={query.severity ?? null}
          onChange={(value) => setFilter("severity", value)}
          clearable
        />
        <Select
          label="AI system"
          placeholder="All systems"
          data={systems.data ?? []}
          value={query.systemId ?? null}
          onChange={(value) => setFilter("systemId", value)}
          clearable
          searchable
        />
      </Group>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? <PageLoader /> : <IncidentsTable orgId={orgId} incidents={list.items} empty={empty} />}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
