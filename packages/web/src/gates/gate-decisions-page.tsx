import { Anchor, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { labelOf, routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { GateDecisionsTable } from "./gate-decisions-table";

/** Overrides awaiting a second member's approval; each links to its system's gate. */
function PendingOverrides({ orgId }: { orgId: string }) {
  const overrides = useQuery({
    queryKey: ["gates", orgId, "overrides", "requested"],
    queryFn: () => callApi(routes.listGateOverrides, { params: { orgId }, query: { status: "requested", limit: 50 } }),
  });
  if (overrides.error) return <ErrorAlert error={overrides.error} title="Could not load the overrides" />;
  if (!overrides.data) return <PageLoader />;
  if (overrides.data.items.length === 0) return <Text>No override awaits approval.</Text>;
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Override</Table.Th>
            <Table.Th scope="col">AI system</Table.Th>
            <Table.Th scope="col">Into</Table.Th>
            <Table.Th scope="col">Reason</Table.Th>
            <Table.Th scope="col">Requested</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {overrides.data.items.map((override) => (
            <Table.Tr key={override.id}>
              <Table.Td>{override.ref}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/o/${orgId}/inventory/systems/${override.system.id}?tab=gate`}>
                  {override.system.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{labelOf("lifecycleStage", override.toStage)}</Table.Td>
              <Table.Td>{override.reason}</Table.Td>
              <Table.Td>
                {formatDateTime(override.createdAt)}
                <Text size="xs" c="dimmed">
                  {override.requestedBy}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The organisation's release gates: overrides awaiting approval and the decisions recorded, newest first. */
export default function GateDecisionsPage() {
  const { orgId } = useOrg();
  const list = usePagedQuery(["gates", orgId, "decisions", "all"], (cursor) =>
    callApi(routes.listGateDecisions, { params: { orgId }, query: { cursor, limit: PAGE_SIZE } }),
  );
  return (
    <Stack>
      <PageHeader title="Release gates">
        <Button component={Link} to="checklists" variant="default">
          Checklists
        </Button>
      </PageHeader>
      <Text c="dimmed">
        An AI system moves into a later lifecycle stage by passing its gate: a checklist evaluated by the server from
        the system's risks, impact assessment, security tests and sign-offs. Pass a gate from the system's page or with{" "}
        <code>aims gate pass</code>; pipelines check it with <code>aims gate check</code>.
      </Text>
      <section aria-labelledby="overrides-heading">
        <Title order={2} size="h4" id="overrides-heading" mb="xs">
          Overrides awaiting approval
        </Title>
        <PendingOverrides orgId={orgId} />
      </section>
      <section aria-labelledby="decisions-heading">
        <Group justify="space-between">
          <Title order={2} size="h4" id="decisions-heading" mb="xs">
            Decisions
          </Title>
        </Group>
        {list.error && <ErrorAlert error={list.error} />}
        {list.isPending ? <PageLoader /> : <GateDecisionsTable orgId={orgId} decisions={list.items} />}
        <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
      </section>
    </Stack>
  );
}
