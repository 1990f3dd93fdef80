import { Group, Text } from "@mantine/core";
import type { AgentPolicyStatus, EffectivePolicySource } from "@openaims/contracts";
import { enumLabels } from "@openaims/contracts";
import { StatusBadge } from "../ui/status-badge";

/** Where a policy stands: none, drafts waiting, or approved version N. */
export function PolicyStatusText({ status }: { status: AgentPolicyStatus }) {
  if (!status.policyId) return <Text size="sm">No policy</Text>;
  return (
    <Group gap="xs">
      {status.approvedVersionNumber !== null ? (
        <StatusBadge tone="success">{`Approved v${status.approvedVersionNumber}`}</StatusBadge>
      ) : (
        <StatusBadge tone="attention">Not approved</StatusBadge>
      )}
      {status.drafts > 0 && <Text size="sm">{status.drafts === 1 ? "1 draft" : `${status.drafts} drafts`}</Text>}
    </Group>
  );
}

/** Which policy decides the agent's actions now. */
export function EffectiveSourceBadge({ source }: { source: EffectivePolicySource }) {
  const tone = source === "agent" ? "success" : source === "organisation" ? "progress" : "danger";
  return <StatusBadge tone={tone}>{enumLabels.effectivePolicySource[source]}</StatusBadge>;
}
