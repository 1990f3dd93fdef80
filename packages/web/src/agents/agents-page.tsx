import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { enumLabels, routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { agentPath, policyPath } from "./agent-paths";
import { EffectiveSourceBadge, PolicyStatusText } from "./policy-status-text";

/** Agents (AI systems that call tools), their tools, and which policy decides their actions. */
export default function AgentsPage() {
  const { orgId, can } = useOrg();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const agents = useQuery({
    queryKey: ["agents", orgId],
    queryFn: ({ signal }) => callApi(routes.listAgents, { params: { orgId }, signal }),
  });
  const createDefault = useMutation({
    mutationFn: () =>
      callApi(routes.createAgentPolicy, {
        params: { orgId },
        body: { systemId: null, title: "Organisation default" },
      }),
    onSuccess: async (policy) => {
      await queryClient.invalidateQueries({ queryKey: ["agents", orgId] });
      await navigate(policyPath(orgId, policy.id));
    },
  });
  const organisationDefault = agents.data?.organisationDefault;
  return (
    <Stack>
      <PageHeader title="Agents" />
      <Text c="dimmed">
        An agent acts through tools. Each agent is decided by an approved action policy — its own, else the organisation
        default — which says which tool calls run, which wait for a person and which never run (A.9.2, A.9.4). Without
        an approved policy every action is denied.
      </Text>
      {agents.error && <ErrorAlert error={agents.error} />}
      {agents.isPending ? (
        <PageLoader />
      ) : (agents.data?.items.length ?? 0) === 0 ? (
        <Card withBorder>
          <Title order={2} size="h4">
            No agents yet
          </Title>
          <Text mt="xs">
            An agent is an AI system with the capability “Calls tools or takes actions”. Open a system in the{" "}
            <Anchor component={Link} to={`/o/${orgId}/inventory/systems`}>
              inventory
            </Anchor>
            , add that capability, then record each tool it calls as an asset of kind “Tool” (with its action class and
            the name the agent calls it by) and link it to the system.
          </Text>
        </Card>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Agent</Table.Th>
                <Table.Th scope="col">Tools</Table.Th>
                <Table.Th scope="col">Own policy</Table.Th>
                <Table.Th scope="col">Decided by</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agents.data?.items.map((agent) => (
                <Table.Tr key={agent.id}>
                  <Table.Td>
                    <Anchor component={Link} to={agentPath(orgId, agent.id)}>
                      {agent.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {enumLabels.lifecycleStage[agent.lifecycleStage as "operation"] ?? agent.lifecycleStage}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {agent.tools.length === 0 ? "No tools linked" : agent.tools.map((tool) => tool.toolName).join(", ")}
                  </Table.Td>
                  <Table.Td>
                    <PolicyStatusText status={agent.policy} />
                  </Table.Td>
                  <Table.Td>
                    <EffectiveSourceBadge source={agent.effectiveSource} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {organisationDefault && (
        <Card withBorder>
          <Group justify="space-between">
            <div>
              <Title order={2} size="h4">
                Organisation default policy
              </Title>
              <Text size="sm" c="dimmed">
                Decides every agent without an approved policy of its own; it may name any tool of the organisation.
              </Text>
            </div>
            {organisationDefault.policyId ? (
              <Group>
                <PolicyStatusText status={organisationDefault} />
                <Button component={Link} to={policyPath(orgId, organisationDefault.policyId)} variant="default">
                  Open
                </Button>
              </Group>
            ) : (
              can("governance.write") && (
                <Button onClick={() => createDefault.mutate()} loading={createDefault.isPending}>
                  Start the default policy
                </Button>
              )
            )}
          </Group>
          {createDefault.error && <ErrorAlert error={createDefault.error} />}
        </Card>
      )}
    </Stack>
  );
}
