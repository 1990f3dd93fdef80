import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { enumLabels, routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { policyPath } from "./agent-paths";
import { EffectiveSourceBadge } from "./policy-status-text";
import { PolicyVersionsCard } from "./policy-versions-card";

/** One agent: its tools with their action classes, and its action policy with every version. */
export default function AgentPage() {
  const { orgId, can } = useOrg();
  const { systemId = "" } = useParams();
  const queryClient = useQueryClient();
  const agent = useQuery({
    queryKey: ["agents", orgId, systemId],
    queryFn: ({ signal }) => callApi(routes.getAgent, { params: { orgId, systemId }, signal }),
  });
  const policyId = agent.data?.policy.policyId ?? null;
  const policy = useQuery({
    queryKey: ["agent-policies", orgId, policyId],
    queryFn: ({ signal }) => callApi(routes.getAgentPolicy, { params: { orgId, policyId: policyId ?? "" }, signal }),
    enabled: policyId !== null,
  });
  const start = useMutation({
    mutationFn: () =>
      callApi(routes.createAgentPolicy, {
        params: { orgId },
        body: { systemId, title: `${agent.data?.name ?? "Agent"} tools` },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["agents", orgId] }),
  });
  if (agent.error) return <ErrorAlert error={agent.error} />;
  if (!agent.data) return <PageLoader />;
  const data = agent.data;
  const canWrite = can("governance.write");
  return (
    <Stack>
      <PageHeader title={data.name}>
        <EffectiveSourceBadge source={data.effectiveSource} />
      </PageHeader>
      <Text c="dimmed">
        {data.effectiveSource === "agent"
          ? "Its own approved policy decides this agent's actions."
          : data.effectiveSource === "organisation"
            ? "The organisation default decides this agent's actions until its own policy is approved."
            : "No approved policy decides this agent's actions, so every action is denied."}{" "}
        <Anchor component={Link} to={`/o/${orgId}/inventory/systems/${data.id}`}>
          Open the system in the inventory
        </Anchor>
      </Text>
      <Title order={2}>Tools</Title>
      {data.tools.length === 0 ? (
        <Text>
          No tools linked. Record each tool as an asset of kind “Tool” and link it to this system on its inventory page.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped verticalSpacing="xs" aria-label="Tools">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Call name</Table.Th>
                <Table.Th scope="col">Asset</Table.Th>
                <Table.Th scope="col">Action class</Table.Th>
                <Table.Th scope="col">Data categories</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.tools.map((tool) => (
                <Table.Tr key={tool.assetId}>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {tool.toolName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/o/${orgId}/inventory/assets/${tool.assetId}`}>
                      {tool.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {tool.actionClass ? enumLabels.actionClass[tool.actionClass] : <Text c="orange">Not set</Text>}
                  </Table.Td>
                  <Table.Td>
                    {tool.dataCategories.map((key) => enumLabels.dataCategory[key as "personal"] ?? key).join(", ") ||
                      "—"}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Title order={2}>Action policy</Title>
      {policyId === null ? (
        <Card withBorder>
          <Text>
            This agent has no policy of its own.
            {data.organisationDefault.policyId && (
              <>
                {" "}
                The{" "}
                <Anchor component={Link} to={policyPath(orgId, data.organisationDefault.policyId)}>
                  organisation default
                </Anchor>{" "}
                applies while it has none.
              </>
            )}
          </Text>
          {canWrite && (
            <Button mt="sm" w="fit-content" onClick={() => start.mutate()} loading={start.isPending}>
              Start a policy for this agent
            </Button>
          )}
          {start.error && <ErrorAlert error={start.error} />}
        </Card>
      ) : policy.error ? (
        <ErrorAlert error={policy.error} />
      ) : policy.data ? (
        <PolicyVersionsCard
          orgId={orgId}
          policy={policy.data}
          toolNames={data.tools.map((tool) => tool.toolName)}
          canWrite={canWrite}
        />
      ) : (
        <PageLoader />
      )}
      <Title order={2}>Decisions and approvals</Title>
      <Group>
        <Anchor component={Link} to={`/o/${orgId}/agent-decisions/${systemId}`}>
          Decision log
        </Anchor>
        <Anchor component={Link} to={`/o/${orgId}/agent-approvals?systemId=${systemId}`}>
          Approvals waiting for this agent
        </Anchor>
      </Group>
    </Stack>
  );
}
