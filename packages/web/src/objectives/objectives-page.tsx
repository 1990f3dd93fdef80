import { Anchor, Button, Select, Stack, Table, Text, Title } from "@mantine/core";
import { type ObjectiveStatus, routes } from "@openaims/contracts";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate } from "../ui/format";
import { EnumFilter, FilterBar, useFilterParams } from "../ui/list-filters";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";
import { ObjectiveProgressBar } from "./objective-progress-bar";
import { stateTone, statusTone } from "./objective-tones";
import { useMemberOptions } from "./use-objective-data";

const filterKeys = ["status", "ownerMemberId"] as const;

/** What an objective is for, shown while there are none. */
function EmptyObjectives({ canWrite }: { canWrite: boolean }) {
  return (
    <Stack gap="xs" maw={720}>
      <Title order={2} size="h4">
        No AI objectives yet
      </Title>
      <Text>
        An objective says what the AI management system should achieve, why it matters, how it is measured and by when —
        for example “every reviewer of AI releases trained by June” or “keep the support bot’s error rate at or below
        2%”. Measure it by hand, or from a metric the monitoring module already collects, and its progress is tracked
        here and shown in the management review.
      </Text>
      {canWrite && (
        <div>
          <Button component={Link} to="new">
            Add objective
          </Button>
        </div>
      )}
    </Stack>
  );
}

/** AI objectives (6.2) with their progress and state as of now; filters live in the URL. */
export default function ObjectivesPage() {
  const { orgId, can } = useOrg();
  const members = useMemberOptions(orgId);
  const { params, bind, filtered } = useFilterParams(filterKeys);
  const query = {
    status: (params.get("status") as ObjectiveStatus | null) ?? undefined,
    ownerMemberId: params.get("ownerMemberId") ?? undefined,
  };
  const list = usePagedQuery(["objectives", orgId, "list", query], (cursor) =>
    callApi(routes.listObjectives, { params: { orgId }, query: { ...query, cursor, limit: PAGE_SIZE } }),
  );
  const owner = bind("ownerMemberId");

  return (
    <Stack>
      <PageHeader title="AI objectives">
        {can("governance.write") && (
          <Button component={Link} to="new">
            Add objective
          </Button>
        )}
      </PageHeader>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? (
        <PageLoader />
      ) : list.items.length === 0 && !filtered ? (
        <EmptyObjectives canWrite={can("governance.write")} />
      ) : (
        <>
          <FilterBar>
            <EnumFilter of="objectiveStatus" label="Status" {...bind("status")} />
            <Select
              label="Owner"
              placeholder="Anyone"
              data={members.data ?? []}
              value={owner.value ?? null}
              onChange={owner.onChange}
              clearable
              searchable
            />
          </FilterBar>
          {list.items.length === 0 ? (
            <Text>No objective matches these filters. Clear a filter to see more.</Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Ref</Table.Th>
                    <Table.Th scope="col">Objective</Table.Th>
                    <Table.Th scope="col">Progress</Table.Th>
                    <Table.Th scope="col">State</Table.Th>
                    <Table.Th scope="col">Owner</Table.Th>
                    <Table.Th scope="col">Due</Table.Th>
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
                        <ObjectiveProgressBar objective={item} />
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge of="objectiveState" value={item.state} tone={stateTone[item.state]} />
                      </Table.Td>
                      <Table.Td>{item.owner?.name ?? "—"}</Table.Td>
                      <Table.Td>{item.dueDate ? formatDate(item.dueDate) : "—"}</Table.Td>
                      <Table.Td>
                        <StatusBadge of="objectiveStatus" value={item.status} tone={statusTone[item.status]} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
