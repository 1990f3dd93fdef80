import { Alert, Button, Card, Group, Select, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type LifecycleStage, labelOf, lifecycleStages, routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "../api/client";
import { SelfApprovalNote, useApprovalCheck } from "../approvals/segregation-of-duties";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageLoader } from "../ui/page-loader";
import { ReasonModal } from "../ui/reason-modal";
import { StatusBadge } from "../ui/status-badge";
import { GateChecksTable } from "./gate-checks-table";
import { GateDecisionsTable } from "./gate-decisions-table";

const gatedStages = lifecycleStages.filter((stage) => stage !== "planned" && stage !== "retired");
const stageOptions = gatedStages.map((stage) => ({ value: stage, label: labelOf("lifecycleStage", stage) }));

interface Props {
  systemId: string;
  /** The system is active and may be changed. */
  active: boolean;
}

/**
 * The "Release gate" tab of an AI system: the checklist into the next (or a chosen) stage, evaluated
 * by the server from the records, the actions the role allows, and the decisions recorded so far.
 */
export function SystemGatePanel({ systemId, active }: Props) {
  const { orgId, can } = useOrg();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<LifecycleStage | undefined>();
  const [dialog, setDialog] = useState<"sign-off" | "override" | null>(null);
  const report = useQuery({
    queryKey: ["gates", orgId, "report", systemId, stage ?? "next"],
    queryFn: () => callApi(routes.getGate, { params: { orgId, systemId }, query: stage ? { stage } : {} }),
  });
  const decisions = useQuery({
    queryKey: ["gates", orgId, "decisions", systemId],
    queryFn: () => callApi(routes.listSystemGateDecisions, { params: { orgId, systemId }, query: { limit: 20 } }),
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["gates", orgId] }),
      queryClient.invalidateQueries({ queryKey: ["systems", orgId] }),
    ]);
  const target = report.data?.stage;
  const decide = useMutation({
    mutationFn: () => callApi(routes.decideGate, { params: { orgId, systemId }, body: { stage: target ?? "design" } }),
    onSuccess: async (decision) => {
      notifications.show({
        color: decision.result === "failed" ? "red" : "green",
        message: `${decision.ref}: the gate into ${labelOf("lifecycleStage", decision.toStage).toLowerCase()} ${decision.result === "failed" ? "failed; the failure is recorded" : "passed"}.`,
      });
      await refresh();
    },
    meta: { inlineError: true },
  });
  const signOff = useMutation({
    mutationFn: (note: string) =>
      callApi(routes.signOffGate, { params: { orgId, systemId }, body: { stage: target ?? "design", note } }),
    onSuccess: refresh,
    meta: { inlineError: true },
  });
  const requestOverride = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.requestGateOverride, { params: { orgId, systemId }, body: { stage: target ?? "design", reason } }),
    onSuccess: refresh,
    meta: { inlineError: true },
  });
  const pending = report.data?.pendingOverride ?? null;
  const overriding = active && can("gates.override");
  const approval = useApprovalCheck(
    "gate_override",
    pending?.id,
    pending?.version ?? 0,
    overriding && pending !== null,
  );
  const approve = useMutation({
    mutationFn: () =>
      callApi(routes.approveGateOverride, {
        params: { orgId, overrideId: pending?.id ?? "" },
        body: { version: pending?.version ?? 0 },
      }),
    onSuccess: async () => {
      notifications.show({ color: "green", message: "The override is approved and the system moved on." });
      await refresh();
    },
    meta: { inlineError: true },
  });

  const error = report.error ?? decisions.error;
  if (error) return <ErrorAlert error={error} title="Could not load the release gate" />;
  if (!report.data || !decisions.data) return <PageLoader />;
  const gate = report.data;
  const writable = active && can("governance.write");

  return (
    <Stack>
      <Card withBorder component="section" aria-labelledby="gate-heading">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2} size="h4" id="gate-heading">
              Gate into {labelOf("lifecycleStage", gate.stage).toLowerCase()}
            </Title>
            <Text size="sm" c="dimmed">
              Now {labelOf("lifecycleStage", gate.fromStage).toLowerCase()}.{" "}
              {gate.configured ? "The organisation's checklist" : "The default checklist"} for{" "}
              {labelOf("impactTier", gate.system.impactTier).toLowerCase()}-impact systems, checked just now.
            </Text>
          </div>
          <Group>
            <Select
              label="Stage"
              data={stageOptions}
              value={gate.stage}
              allowDeselect={false}
              onChange={(value) => value && setStage(value as LifecycleStage)}
              w={180}
            />
            <StatusBadge tone={gate.passed ? "success" : "danger"} size="lg">
              {gate.passed ? "Passes" : "Fails"}
            </StatusBadge>
          </Group>
        </Group>
      </Card>
      {decide.error !== null && <ErrorAlert error={decide.error} title="Could not record the decision" />}
      {approve.error !== null && <ErrorAlert error={approve.error} title="Could not approve the override" />}
      {pending && (
        <Alert color="orange" title={`Override ${pending.ref} awaits approval`}>
          <Text size="sm">
            {pending.requestedBy} asked to let the system into{" "}
            {labelOf("lifecycleStage", pending.toStage).toLowerCase()} although the gate fails: “{pending.reason}”.
            Another member with the right to override must approve it.
          </Text>
          {overriding && (
            <Group mt="xs">
              <Button
                size="xs"
                loading={approve.isPending}
                disabled={approval?.mayApprove === false}
                onClick={() => approve.mutate()}
              >
                Approve override
              </Button>
              <SelfApprovalNote check={approval} />
            </Group>
          )}
        </Alert>
      )}
      <GateChecksTable checks={gate.checks} fix={{ orgId, systemId }} />
      {gate.signOffs.length > 0 && (
        <Text size="sm">
          Signed off by {gate.signOffs.map((s) => `${s.signedBy} (${labelOf("role", s.role)})`).join(", ")}.
        </Text>
      )}
      <Group>
        {writable && (
          <Button onClick={() => decide.mutate()} loading={decide.isPending}>
            {gate.forward ? "Pass gate" : "Record a re-check"}
          </Button>
        )}
        {writable && (
          <Button variant="default" onClick={() => setDialog("sign-off")}>
            Sign off
          </Button>
        )}
        {overriding && !gate.passed && !pending && (
          <Button variant="default" color="orange" onClick={() => setDialog("override")}>
            Request override
          </Button>
        )}
      </Group>
      <section aria-labelledby="gate-history-heading">
        <Title order={2} size="h4" id="gate-history-heading" mb="xs">
          Decisions
        </Title>
        <GateDecisionsTable orgId={orgId} decisions={decisions.data.items} showSystem={false} />
      </section>
      <ReasonModal
        opened={dialog === "sign-off"}
        title={`Sign off for ${labelOf("lifecycleStage", gate.stage).toLowerCase()}`}
        description="You sign off in your role in the organisation. A material change to the system asks for a new sign-off."
        label="Note"
        required={false}
        field="note"
        maxLength={2000}
        confirmLabel="Sign off"
        errorTitle="Could not sign off"
        mutation={signOff}
        onClose={() => setDialog(null)}
      />
      <ReasonModal
        opened={dialog === "override"}
        title="Request an override"
        description="The failed decision is recorded now. The system moves on only when another member approves the override."
        label="Reason"
        hint="Why the system should move on although the gate fails"
        maxLength={2000}
        confirmLabel="Request override"
        confirmColor="orange"
        errorTitle="Could not request the override"
        mutation={requestOverride}
        onClose={() => setDialog(null)}
      />
    </Stack>
  );
}
