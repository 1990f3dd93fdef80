import { Button, Checkbox, Group, Modal, MultiSelect, NumberInput, Select, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  enumOptions,
  type GateCheckConfig,
  type GateCheckKind,
  type GateChecklist,
  gateCheckKinds,
  labelOf,
  type RedteamSeverity,
  type Role,
  routes,
} from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { ErrorAlert } from "../ui/error-alert";

/** Every check kind with the thresholds it would use, taken from the checklist or sensible starting values. */
function draftOf(checks: GateCheckConfig[]) {
  const find = <K extends GateCheckKind>(kind: K) =>
    checks.find((check): check is Extract<GateCheckConfig, { kind: K }> => check.kind === kind);
  return {
    enabled: Object.fromEntries(gateCheckKinds.map((kind) => [kind, Boolean(find(kind))])) as Record<
      GateCheckKind,
      boolean
    >,
    reviewDays: find("risk_review_recent")?.maxAgeDays ?? 180,
    minRating: find("high_risks_accepted")?.minRating ?? "high",
    testDays: find("security_test_recent")?.maxAgeDays ?? 90,
    blockingSeverity: find("security_test_recent")?.blockingSeverity ?? ("high" as RedteamSeverity),
    roles: find("sign_offs")?.roles ?? (["compliance_manager"] as Role[]),
  };
}
type Draft = ReturnType<typeof draftOf>;

function checksOf(draft: Draft): GateCheckConfig[] {
  const all: GateCheckConfig[] = [
    { kind: "risk_review_recent", maxAgeDays: draft.reviewDays },
    { kind: "impact_assessment_current" },
    { kind: "high_risks_accepted", minRating: draft.minRating },
    { kind: "security_test_recent", maxAgeDays: draft.testDays, blockingSeverity: draft.blockingSeverity },
    { kind: "sign_offs", roles: draft.roles },
  ];
  return all.filter((check) => draft.enabled[check.kind]);
}

interface Props {
  orgId: string;
  checklist: GateChecklist;
  onClose: () => void;
}

/** Replaces one stage and tier's checklist: which checks apply, and their thresholds. */
export function ChecklistEditor({ orgId, checklist, onClose }: Props) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(checklist.checks));
  const set = (changes: Partial<Draft>) => setDraft((current) => ({ ...current, ...changes }));
  const toggle = (kind: GateCheckKind, on: boolean) => set({ enabled: { ...draft.enabled, [kind]: on } });
  const save = useMutation({
    mutationFn: () =>
      callApi(routes.replaceGateChecklist, {
        params: { orgId },
        body: { stage: checklist.stage, impactTier: checklist.impactTier, checks: checksOf(draft) },
      }),
    onSuccess: async () => {
      notifications.show({ color: "green", message: "The checklist is saved." });
      await queryClient.invalidateQueries({ queryKey: ["gates", orgId] });
      onClose();
    },
    meta: { inlineError: true },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const days = (value: string | number) => (typeof value === "number" ? value : Number.parseInt(value, 10) || 1);
  const title = `Gate into ${labelOf("lifecycleStage", checklist.stage).toLowerCase()}, ${labelOf("impactTier", checklist.impactTier).toLowerCase()} impact`;

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {save.error !== null && <ErrorAlert error={save.error} title="Could not save the checklist" />}
          <Text size="sm">Choose the checks a system must pass. With none, the gate lets every system through.</Text>
          {gateCheckKinds.map((kind) => (
            <Stack key={kind} gap={4}>
              <Checkbox
                label={labelOf("gateCheckKind", kind)}
                checked={draft.enabled[kind]}
                onChange={(event) => toggle(kind, event.currentTarget.checked)}
              />
              {draft.enabled[kind] && kind === "risk_review_recent" && (
                <NumberInput
                  label="Reviewed within (days)"
                  min={1}
                  max={730}
                  value={draft.reviewDays}
                  onChange={(value) => set({ reviewDays: days(value) })}
                />
              )}
              {draft.enabled[kind] && kind === "high_risks_accepted" && (
                <Select
                  label="Ratings that need an acceptance"
                  data={[
                    { value: "high", label: "High and critical" },
                    { value: "critical", label: "Critical only" },
                  ]}
                  value={draft.minRating}
                  allowDeselect={false}
                  onChange={(value) => value && set({ minRating: value as "high" | "critical" })}
                />
              )}
              {draft.enabled[kind] && kind === "security_test_recent" && (
                <Group grow>
                  <NumberInput
                    label="Tested within (days)"
                    min={1}
                    max={730}
                    value={draft.testDays}
                    onChange={(value) => set({ testDays: days(value) })}
                  />
                  <Select
                    label="Blocking severity (or worse)"
                    data={enumOptions("redteamSeverity")}
                    value={draft.blockingSeverity}
                    allowDeselect={false}
                    onChange={(value) => value && set({ blockingSeverity: value as RedteamSeverity })}
                  />
                </Group>
              )}
              {draft.enabled[kind] && kind === "sign_offs" && (
                <MultiSelect
                  label="Roles that sign off"
                  data={enumOptions("role")}
                  value={draft.roles}
                  onChange={(value) => set({ roles: value as Role[] })}
                />
              )}
            </Stack>
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save checklist
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
