import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { type AgentPolicyDetail, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { callApi } from "../api/client";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import { diffPath, starterPolicy, versionPath } from "./agent-paths";

const statusTone = { draft: "attention", approved: "success", superseded: "neutral", withdrawn: "neutral" } as const;

/** A policy's versions, newest first, with a button to start a new draft from the newest text. */
export function PolicyVersionsCard({
  orgId,
  policy,
  toolNames,
  canWrite,
}: {
  orgId: string;
  policy: AgentPolicyDetail;
  toolNames: string[];
  canWrite: boolean;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const newest = policy.versions[0];
  const newDraft = useMutation({
    mutationFn: () =>
      callApi(routes.createAgentPolicyVersion, {
        params: { orgId, policyId: policy.id },
        body: { source: newest?.source ?? starterPolicy(toolNames), changeNote: "" },
      }),
    onSuccess: async (version) => {
      await queryClient.invalidateQueries({ queryKey: ["agent-policies", orgId] });
      await queryClient.invalidateQueries({ queryKey: ["agents", orgId] });
      await navigate(versionPath(orgId, policy.id, version.id));
    },
  });
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <div>
            <Title order={2} size="h4">
              {policy.ref} {policy.title ? `· ${policy.title}` : ""}
            </Title>
            <Text size="sm" c="dimmed">
              {policy.approvedVersionNumber !== null
                ? `Version ${policy.approvedVersionNumber} is approved and decides every action.`
                : "No version is approved yet."}
            </Text>
          </div>
          <Group>
            {policy.versions.length > 1 && (
              <Button component={Link} to={diffPath(orgId, policy.id)} variant="default">
                Compare versions
              </Button>
            )}
            {canWrite && (
              <Button onClick={() => newDraft.mutate()} loading={newDraft.isPending}>
                New draft
              </Button>
            )}
          </Group>
        </Group>
        {newDraft.error && <ErrorAlert error={newDraft.error} />}
        {policy.versions.length === 0 ? (
          <Text>
            No versions yet. Start a draft, check it against the agent's tools, and have another member approve it.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table verticalSpacing="xs" aria-label="Version history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Version</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Change note</Table.Th>
                  <Table.Th scope="col">Written by</Table.Th>
                  <Table.Th scope="col">Approved</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {policy.versions.map((version) => (
                  <Table.Tr key={version.id}>
                    <Table.Td>
                      <Anchor component={Link} to={versionPath(orgId, policy.id, version.id)}>
                        Version {version.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge of="policyVersionStatus" value={version.status} tone={statusTone[version.status]} />
                      {version.problems.length > 0 && (
                        <Text size="xs" c="red">
                          {version.problems.length === 1 ? "1 problem" : `${version.problems.length} problems`}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{version.changeNote || "—"}</Table.Td>
                    <Table.Td>{version.createdBy?.name ?? "—"}</Table.Td>
                    <Table.Td>
                      {version.approvedAt
                        ? `${version.approvedBy?.name ?? ""}, ${formatDateTime(version.approvedAt)}`
                        : "—"}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
