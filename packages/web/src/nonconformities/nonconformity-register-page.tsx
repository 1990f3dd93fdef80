import { Anchor, Button, Group, Stack, Table, Text } from "@mantine/core";
import {
  type NonconformitySeverity,
  type NonconformitySource,
  type NonconformityStatus,
  routes,
} from "@openaims/contracts";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate } from "../ui/format";
import { EnumFilter, FilterBar, SystemFilter, useFilterParams } from "../ui/list-filters";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";
import { severityTone, statusTone } from "./nonconformity-tones";
import { SourceLink } from "./source-link";

const filterKeys = ["status", "severity", "source", "systemId"] as const;

/** The nonconformity register; filters live in the URL so other pages can link to a filtered view. */
export default function NonconformityRegisterPage() {
  const { orgId, can } = useOrg();
  const { params, bind, filtered } = useFilterParams(filterKeys);
  const query = {
    status: (params.get("status") as NonconformityStatus | null) ?? undefined,
    severity: (params.get("severity") as NonconformitySeverity | null) ?? undefined,
    source: (params.get("source") as NonconformitySource | null) ?? undefined,
    systemId: params.get("systemId") ?? undefined,
  };
  const list = usePagedQuery(["nonconformities", orgId, "list", query], (cursor) =>
    callApi(routes.listNonconformities, { params: { orgId }, query: { ...query, cursor, limit: PAGE_SIZE } }),
  );

  return (
    <Stack>
      <PageHeader title="Nonconformities">
        <Group>
          <Button component={Link} to="improvements" variant="default">
            Improvement log
          </Button>
          {can("governance.write") && (
            <Button component={Link} to="new">
              Raise nonconformity
            </Button>
          )}
        </Group>
      </PageHeader>
      <FilterBar>
        <EnumFilter of="nonconformityStatus" label="Status" {...bind("status")} />
        <EnumFilter of="nonconformitySeverity" label="Severity" {...bind("severity")} />
        <EnumFilter of="nonconformitySource" label="Source" {...bind("source")} />
        <SystemFilter orgId={orgId} {...bind("systemId")} />
      </FilterBar>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? (
        <PageLoader />
      ) : list.items.length === 0 ? (
        <Text>
          {filtered
            ? "No nonconformity matches these filters. Clear a filter to see more."
            : "No nonconformities yet. Raise one when a requirement is not met — by hand, from an incident or alert, or from a red-team finding."}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Ref</Table.Th>
                <Table.Th scope="col">Title</Table.Th>
                <Table.Th scope="col">Severity</Table.Th>
                <Table.Th scope="col">Source</Table.Th>
                <Table.Th scope="col">AI system</Table.Th>
                <Table.Th scope="col">Raised</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} to={item.id}>
                      {item.ref}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{item.title}</Table.Td>
                  <Table.Td>
                    <StatusBadge of="nonconformitySeverity" value={item.severity} tone={severityTone[item.severity]} />
                  </Table.Td>
                  <Table.Td>
                    <SourceLink orgId={orgId} kind="nonconformitySource" {...item} />
                  </Table.Td>
                  <Table.Td>{item.system?.name ?? "—"}</Table.Td>
                  <Table.Td>
                    {formatDate(item.createdAt)}
                    {item.raisedBy ? ` by ${item.raisedBy.name}` : ""}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge of="nonconformityStatus" value={item.status} tone={statusTone[item.status]} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
