import { Alert, Anchor, Button, Code, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { type AgentDecisionVerify, type DecisionOrigin, type DecisionOutcome, routes } from "@openaims/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { ApprovalStatusBadge, OutcomeBadge } from "../agent-approvals/approval-tones";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { EnumFilter, FilterBar } from "../ui/list-filters";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";
import { DecisionMetricsFigure } from "./decision-metrics-figure";

function VerifyResult({ result }: { result: AgentDecisionVerify }) {
  return result.verified ? (
    <Alert color="green" title="The log verifies">
      <StatusBadge tone="success">Verified</StatusBadge> {result.checked} decisions match their entries in the
      hash-chained audit trail ({result.auditEntriesChecked} entries checked).
    </Alert>
  ) : (
    <Alert color="red" title="The log does not verify">
      <Stack gap={4}>
        {result.problems.slice(0, 10).map((problem, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id of their own
          <Text key={index} size="sm">
            {problem.message}
          </Text>
        ))}
        {result.problems.length > 10 && <Text size="sm">…and {result.problems.length - 10} more.</Text>}
      </Stack>
    </Alert>
  );
}

/** The decision log of one agent: every decision, newest first, with filters, verification and metrics. */
export default function DecisionLogPage() {
  const { orgId, can } = useOrg();
  const { systemId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const outcome = (params.get("outcome") ?? undefined) as DecisionOutcome | undefined;
  const origin = (params.get("origin") ?? undefined) as DecisionOrigin | undefined;
  const tool = params.get("tool") ?? undefined;
  const sessionId = params.get("sessionId") ?? undefined;
  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const system = useQuery({
    queryKey: ["systems", orgId, systemId],
    queryFn: () => callApi(routes.getSystem, { params: { orgId, systemId } }),
  });
  const list = usePagedQuery(["agent-decisions", orgId, systemId, { outcome, origin, tool, sessionId }], (cursor) =>
    callApi(routes.listAgentDecisions, {
      params: { orgId, systemId },
      query: { outcome, origin, tool, sessionId, cursor, limit: PAGE_SIZE },
    }),
  );
  const verify = useMutation({
    mutationFn: () => callApi(routes.verifyAgentDecisions, { params: { orgId, systemId } }),
    meta: { inlineError: true },
  });
  const name = system.data?.name ?? "Agent";
  return (
    <Stack>
      <PageHeader title={`Decision log: ${name}`}>
        <Group>
          <Button component={Link} to={`/o/${orgId}/agent-approvals?systemId=${systemId}`} variant="default">
            Pending approvals
          </Button>
          {can("audit_trail.read") && (
            <Button onClick={() => verify.mutate()} loading={verify.isPending}>
              Verify the log
            </Button>
          )}
        </Group>
      </PageHeader>
      <Text c="dimmed">
        Every decision about this agent's actions, allows included, from the decision API, MCP gateways and the runtime
        guard. Each has an entry in the hash-chained audit trail (A.6.2.8), which "Verify the log" checks.
      </Text>
      {verify.error && <ErrorAlert error={verify.error} />}
      {verify.data && <VerifyResult result={verify.data} />}
      <DecisionMetricsFigure orgId={orgId} systemId={systemId} />
      <FilterBar>
        <EnumFilter of="decisionOutcome" label="Outcome" value={outcome} onChange={(v) => setFilter("outcome", v)} />
        <EnumFilter of="decisionOrigin" label="Origin" value={origin} onChange={(v) => setFilter("origin", v)} />
        <TextInput
          label="Tool"
          placeholder="e.g. issue_refund"
          defaultValue={tool}
          onBlur={(event) => setFilter("tool", event.currentTarget.value.trim() || null)}
        />
        <TextInput
          label="Session"
          placeholder="The agent's session id"
          defaultValue={sessionId}
          onBlur={(event) => setFilter("sessionId", event.currentTarget.value.trim() || null)}
        />
      </FilterBar>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? (
        <PageLoader />
      ) : list.items.length === 0 ? (
        <Text>No decisions{outcome || origin || tool || sessionId ? " match these filters" : " yet"}.</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Decided</Table.Th>
              <Table.Th scope="col">Call</Table.Th>
              <Table.Th scope="col">Outcome</Table.Th>
              <Table.Th scope="col">Rule and reason</Table.Th>
              <Table.Th scope="col">Origin</Table.Th>
              <Table.Th scope="col">Session</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((decision) => (
              <Table.Tr key={decision.id}>
                <Table.Td>{formatDateTime(decision.decidedAt)}</Table.Td>
                <Table.Td>
                  <Code>{decision.call.name}</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <OutcomeBadge outcome={decision.outcome} />
                    {decision.finalOutcome && <ApprovalStatusBadge status={decision.finalOutcome} />}
                  </Group>
                  {decision.approval && (
                    <Anchor component={Link} to={`/o/${orgId}/agent-approvals/${decision.approval.id}`} size="sm">
                      {decision.approval.ref}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>
                  <Code>{decision.rule}</Code>
                  <Text size="sm">{decision.reason}</Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge of="decisionOrigin" value={decision.origin} />
                </Table.Td>
                <Table.Td>{decision.sessionId ?? "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
