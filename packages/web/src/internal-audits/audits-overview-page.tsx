import { Anchor, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { type InternalAuditStatus, routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { EnumFilter, FilterBar, SystemFilter, useFilterParams } from "../ui/list-filters";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { AuditsTable } from "./audits-table";
import { ProgrammeFilter } from "./programme-filter";

const filterKeys = ["status", "programmeId", "systemId"] as const;

/** The audit programmes and the audits, with filters in the URL and what to do when there are none. */
export default function AuditsOverviewPage() {
  const { orgId, can, role } = useOrg();
  const { params, bind, filtered } = useFilterParams(filterKeys);
  const query = {
    status: (params.get("status") as InternalAuditStatus | null) ?? undefined,
    programmeId: params.get("programmeId") ?? undefined,
    systemId: params.get("systemId") ?? undefined,
  };
  const programmes = useQuery({
    queryKey: ["audit-programmes", orgId, "list"],
    queryFn: ({ signal }) =>
      callApi(routes.listAuditProgrammes, { params: { orgId }, query: { limit: 200, archived: "false" }, signal }),
  });
  const audits = usePagedQuery(["internal-audits", orgId, "list", query], (cursor) =>
    callApi(routes.listInternalAudits, { params: { orgId }, query: { ...query, cursor, limit: PAGE_SIZE } }),
  );
  const canWrite = can("audit_records.write");
  const canPlanProgramme = canWrite && role !== "auditor";

  return (
    <Stack gap="lg">
      <PageHeader title="Internal audits">
        {canWrite && (
          <Group>
            {canPlanProgramme && (
              <Button component={Link} to="programmes/new" variant="default">
                Plan a programme
              </Button>
            )}
            <Button component={Link} to="new">
              Plan an audit
            </Button>
          </Group>
        )}
      </PageHeader>

      <Stack component="section" aria-labelledby="programmes-heading" gap="xs">
        <Title order={2} id="programmes-heading" size="h3">
          Audit programmes
        </Title>
        {programmes.error && <ErrorAlert error={programmes.error} />}
        {programmes.isPending ? (
          <PageLoader />
        ) : (programmes.data?.items ?? []).length === 0 ? (
          <Text>
            No audit programme yet. Plan one for the year: how often to audit, the methods, who is responsible and how
            results are reported; then plan its audits from it.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Ref</Table.Th>
                  <Table.Th scope="col">Title</Table.Th>
                  <Table.Th scope="col">Period</Table.Th>
                  <Table.Th scope="col">Audits planned</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {programmes.data?.items.map((programme) => {
                  const planned = Object.entries(programme.auditCounts)
                    .filter(([status]) => status !== "cancelled")
                    .reduce((sum, [, count]) => sum + count, 0);
                  return (
                    <Table.Tr key={programme.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`programmes/${programme.id}`}>
                          {programme.ref}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{programme.title}</Table.Td>
                      <Table.Td>
                        {programme.periodStart} to {programme.periodEnd}
                      </Table.Td>
                      <Table.Td>
                        {planned} of {programme.expectedAudits}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Stack component="section" aria-labelledby="audits-heading" gap="xs">
        <Title order={2} id="audits-heading" size="h3">
          Audits
        </Title>
        <FilterBar>
          <EnumFilter of="internalAuditStatus" label="Status" {...bind("status")} />
          <ProgrammeFilter options={programmes.data?.items ?? []} {...bind("programmeId")} />
          <SystemFilter orgId={orgId} {...bind("systemId")} />
        </FilterBar>
        {audits.error && <ErrorAlert error={audits.error} />}
        {audits.isPending ? (
          <PageLoader />
        ) : audits.items.length === 0 ? (
          <Text>
            {filtered
              ? "No audit matches these filters. Clear a filter to see more."
              : "No internal audit yet. Plan one from a programme, choose the clauses, Annex A controls and systems it covers, and its checklist is prepared for you."}
          </Text>
        ) : (
          <AuditsTable audits={audits.items} />
        )}
        <LoadMore hasMore={audits.hasMore} loading={audits.isLoadingMore} onLoadMore={audits.loadMore} />
      </Stack>
    </Stack>
  );
}
