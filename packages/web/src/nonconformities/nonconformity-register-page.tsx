import { Anchor, Button, Group, Select, Stack, Table, Text } from "@mantine/core";
import {
  enumOptions,
  type NonconformitySeverity,
  type NonconformitySource,
  type NonconformityStatus,
  routes,
} from "@openaims/contracts";
import { Link, useSearchParams } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate } from "../ui/format";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";
import { severityTone, statusTone } from "./nonconformity-tones";
import { SourceLink } from "./source-link";
import { useSystemOptions } from "./use-nonconformity-data";

const filterKeys = ["status", "severity", "source", "systemId"] as const;

/** The nonconformity register; filters live in the URL so other pages can link to a filtered view. */
export default function NonconformityRegisterPage() {
  const { orgId, can } = useOrg();
  const [params, setParams] = useSearchParams();
  const systems = useSystemOptions(orgId);
  const query = {
    status: (params.get("status") as NonconformityStatus | null) ?? undefined,
    severity: (params.get("severity") as NonconformitySeverity | null) ?? undefined,
    source: (params.get("source") as NonconformitySource | null) ?? undefined,
    systemId: params.get("systemId") ?? undefined,
  };
  const list = usePagedQuery(["nonconformities", orgId, "list", query], (cursor) =>
    callApi(routes.listNonconformities, { params: { orgId }, query: { ...query, cursor, limit: PAGE_SIZE } }),
  );
  const setFilter = (key: (typeof filterKeys)[number], value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const filtered = filterKeys.some((key) => params.get(key));

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
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Status"
          placeholder="Any status"
          data={enumOptions("nonconformityStatus")}
          value={query.status ?? null}
          onChange={(value) => setFilter("status", value)}
          clearable
        />
        <Select
          label="Severity"
          placeholder="Any severity"
          data={enumOptions("nonconformitySeverity")}
          value={query.severity ?? null}
          onChange={(value) => setFilter("severity", value)}
          clearable
        />
        <Select
          label="Source"
          placeholder="Any source"
          data={enumOptions("nonconformitySource")}
          value={query.source ?? null}
          onChange={(value) => setFilter("source", value)}
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
