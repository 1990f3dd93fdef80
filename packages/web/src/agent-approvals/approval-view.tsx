import { Alert, Button, Code, Group, List, Paper, SimpleGrid, Stack, Text, Timeline, Title } from "@mantine/core";
import type { AgentApprovalDetail } from "@openaims/contracts";
import { labelOf } from "@openaims/contracts";
import { useEffect, useState } from "react";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { ReasonModal, type ReasonMutation } from "../ui/reason-modal";
import { ApprovalStatusBadge, OutcomeBadge, timeLeft } from "./approval-tones";

/** Re-renders every second while `active`, for a countdown. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

interface Props {
  approval: AgentApprovalDetail;
  approve: ReasonMutation;
  refuse: ReasonMutation;
}

/**
 * One approval request as an approver reads it: the call and its arguments, the session's recent steps,
 * the rule and reason, who may approve and who already did, the time left, and Approve / Refuse.
 */
export function ApprovalView({ approval, approve, refuse }: Props) {
  const pending = approval.status === "pending";
  const now = useNow(pending);
  const [asking, setAsking] = useState<"approve" | "refuse" | null>(null);
  const { requirement } = approval;
  const roleWords =
    requirement.role === "approver"
      ? "any member allowed to approve agent actions"
      : `a member with the role ${labelOf("role", requirement.role)} (or an owner or admin)`;
  return (
    <Stack>
      <Group gap="sm">
        <ApprovalStatusBadge status={approval.status} />
        {pending && (
          <Text size="sm" aria-live="polite">
            Expires {timeLeft(approval.expiresAt, now)} ({formatDateTime(approval.expiresAt)})
          </Text>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Fact label="Agent">{approval.system.name}</Fact>
        <Fact label="Acting for">{approval.requester || "not named"}</Fact>
        <Fact label="Session">{approval.sessionId ?? "none"}</Fact>
        <Fact label="Asked at">{formatDateTime(approval.createdAt)}</Fact>
        <Fact label="Rule">
          <Code>{approval.rule}</Code>
        </Fact>
        <Fact label="Why approval is needed">{approval.reason}</Fact>
      </SimpleGrid>

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          The call: {approval.call.name}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {labelOf("actionKind", approval.call.kind)} · arguments as the agent sent them
        </Text>
        <Code block>{JSON.stringify(approval.call.arguments, null, 2)}</Code>
      </Paper>

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          What the session did before
        </Title>
        {approval.recentSteps.length === 0 ? (
          <Text c="dimmed">No earlier steps in this session.</Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2}>
            {approval.recentSteps.map((step) => (
              <Timeline.Item
                key={step.decisionId}
                title={
                  <Group gap="xs">
                    <Text fw={500}>{step.call.name}</Text>
                    <OutcomeBadge outcome={step.outcome} />
                    {step.finalOutcome && <ApprovalStatusBadge status={step.finalOutcome} />}
                  </Group>
                }
              >
                <Text size="xs" c="dimmed">
                  {formatDateTime(step.decidedAt)} · {labelOf("decisionOrigin", step.origin)} · rule {step.rule}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Paper>

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Who may approve
        </Title>
        <Text>
          {requirement.count === 1 ? "One approval" : `${requirement.count} approvals from different people`} by{" "}
          {roleWords}; never the person the agent acts for.
        </Text>
        {requirement.members.length > 0 && <Text size="sm">Only: {requirement.members.join(", ")}</Text>}
        {requirement.not_from.length > 0 && <Text size="sm">Never: {requirement.not_from.join(", ")}</Text>}
        {pending && (
          <Text size="sm" mt="xs">
            Can answer now: {approval.eligibleApprovers.map((member) => member.name).join(", ") || "nobody"}
          </Text>
        )}
        {approval.approvals.length > 0 && (
          <>
            <Text fw={500} mt="sm">
              Approved so far
            </Text>
            <List size="sm">
              {approval.approvals.map((given) => (
                <List.Item key={given.memberId}>
                  {given.name}, {formatDateTime(given.at)}
                  {given.reason ? `: ${given.reason}` : ""}
                </List.Item>
              ))}
            </List>
          </>
        )}
        {approval.answeredBy && (
          <Text size="sm" mt="xs">
            Answered by {approval.answeredBy.name} on {formatDateTime(approval.answeredAt)}
            {approval.answerReason ? `: ${approval.answerReason}` : ""}
          </Text>
        )}
      </Paper>

      {pending && approval.mayApprove && (
        <Group>
          <Button color="green" onClick={() => setAsking("approve")}>
            Approve
          </Button>
          <Button color="red" variant="light" onClick={() => setAsking("refuse")}>
            Refuse
          </Button>
        </Group>
      )}
      {!approval.mayApprove && approval.mayNotApproveReason && (
        <Alert color="gray" title={pending ? "You cannot answer this request" : "This request is closed"}>
          {approval.mayNotApproveReason}
        </Alert>
      )}
      {(approve.error || refuse.error) && !asking ? <ErrorAlert error={approve.error ?? refuse.error} /> : null}
      <ReasonModal
        opened={asking === "approve"}
        title={`Approve ${approval.ref}`}
        description={`${approval.system.name} may then call ${approval.call.name} with these arguments.`}
        label="Comment"
        hint="Optional; kept with the approval in the audit trail."
        required={false}
        maxLength={2000}
        confirmLabel="Approve"
        confirmColor="green"
        errorTitle="Not approved"
        mutation={approve}
        onClose={() => setAsking(null)}
      />
      <ReasonModal
        opened={asking === "refuse"}
        title={`Refuse ${approval.ref}`}
        description={`${approval.system.name} will be told the call is refused.`}
        label="Reason"
        maxLength={2000}
        confirmLabel="Refuse"
        confirmColor="red"
        errorTitle="Not refused"
        mutation={refuse}
        onClose={() => setAsking(null)}
      />
    </Stack>
  );
}
