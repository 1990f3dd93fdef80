import { Alert, Anchor, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Text, Textarea } from "@mantine/core";
import {
  type AuditResult,
  type ChecklistItem,
  enumOptions,
  type InternalAuditDetail,
  routes,
} from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { serverFieldErrors } from "../api/form-errors";
import { improvementTone, statusTone } from "../nonconformities/nonconformity-tones";
import { ErrorAlert } from "../ui/error-alert";
import { limitCounter } from "../ui/field-limit";
import { StatusBadge } from "../ui/status-badge";
import { useErrorFocus } from "../ui/use-error-focus";
import { auditKey } from "./use-audit-data";

interface Props {
  orgId: string;
  audit: InternalAuditDetail;
  item: ChecklistItem;
  canWrite: boolean;
  evidenceOptions: { value: string; label: string }[];
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/**
 * One checklist item's answer: result, notes, samples taken, linked evidence and who it is assigned to,
 * then "Raise nonconformity" for a minor or major result or "Log improvement" for an opportunity.
 * Answers are taken while the audit is in progress; a planned audit's items can only be assigned.
 */
export function ChecklistItemForm({ orgId, audit, item, canWrite, evidenceOptions }: Props) {
  const queryClient = useQueryClient();
  const [result, setResult] = useState<AuditResult | null>(item.result);
  const [notes, setNotes] = useState(item.notes);
  const [samples, setSamples] = useState(item.samples);
  const [assignee, setAssignee] = useState<string | null>(item.assignee?.memberId ?? null);
  const [evidenceIds, setEvidenceIds] = useState(item.evidence.map((e) => e.id));
  const answering = audit.status === "in_progress";
  const assigning = answering || audit.status === "planned";
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: auditKey(orgId, audit.id) });
    await queryClient.invalidateQueries({ queryKey: ["internal-audits", orgId, "list"] });
  };
  const save = useMutation({
    mutationFn: async () => {
      const answer = answering
        ? { result, notes, samples, assigneeMemberId: assignee }
        : { assigneeMemberId: assignee };
      const saved = await callApi(routes.updateChecklistItem, {
        params: { orgId, auditId: audit.id, itemId: item.id },
        body: { version: item.version, ...answer },
      });
      if (
        !answering ||
        sameSet(
          evidenceIds,
          item.evidence.map((e) => e.id),
        )
      )
        return saved;
      return callApi(routes.setChecklistItemEvidence, {
        params: { orgId, auditId: audit.id, itemId: item.id },
        body: { version: saved.version, evidenceIds },
      });
    },
    onSuccess: refresh,
    meta: { inlineError: true },
  });
  const raise = useMutation({
    mutationFn: (kind: "nonconformity" | "improvement") =>
      callApi(kind === "nonconformity" ? routes.raiseNonconformityFromAuditItem : routes.logImprovementFromAuditItem, {
        params: { orgId, auditId: audit.id, itemId: item.id },
        body: { version: item.version },
      }),
    onSuccess: async () => {
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ["nonconformities", orgId] });
    },
    meta: { inlineError: true },
  });
  const errors = serverFieldErrors(save.error);
  const formRef = useErrorFocus(errors, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const teamOptions = [
    ...(audit.lead ? [{ value: audit.lead.memberId, label: `${audit.lead.name} (lead)` }] : []),
    ...audit.auditors.map((auditor) => ({ value: auditor.memberId, label: auditor.name })),
  ];
  const raising = audit.status === "in_progress" || audit.status === "reporting";
  const canRaiseNc =
    canWrite && raising && (item.result === "minor_nc" || item.result === "major_nc") && !item.nonconformity;
  const canLogImprovement = canWrite && raising && item.result === "opportunity" && !item.improvement;
  const editable = canWrite && assigning;

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <div>
          <Text size="sm" fw={600}>
            Procedure
          </Text>
          <Text size="sm">{item.procedure}</Text>
        </div>
        <div>
          <Text size="sm" fw={600}>
            Pass criterion
          </Text>
          <Text size="sm">{item.passCriterion}</Text>
        </div>
      </SimpleGrid>
      {editable ? (
        <form ref={formRef} onSubmit={submit} noValidate aria-label={`Answer ${item.requirementId}`}>
          <Stack gap="sm">
            {save.error && <ErrorAlert error={save.error} title="The answer was not saved" />}
            {!answering && (
              <Text size="sm" c="dimmed">
                Results are recorded once the audit has started; until then, assign the item to someone on the team.
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Result"
                placeholder="Not answered yet"
                data={enumOptions("auditResult")}
                value={result}
                onChange={(value) => setResult(value as AuditResult | null)}
                clearable
                disabled={!answering || item.nonconformity !== null || item.improvement !== null}
                error={errors.result}
              />
              <Select
                label="Assigned to"
                placeholder="Nobody yet"
                data={teamOptions}
                value={assignee}
                onChange={setAssignee}
                clearable
                error={errors.assigneeMemberId}
              />
            </SimpleGrid>
            {answering && (
              <>
                <Textarea
                  label="Notes"
                  description={["What was found, and why the result", limitCounter(notes, 5000)]
                    .filter(Boolean)
                    .join(" · ")}
                  autosize
                  minRows={2}
                  value={notes}
                  onChange={(event) => setNotes(event.currentTarget.value)}
                  error={errors.notes}
                />
                <Textarea
                  label="Samples taken"
                  description="The records, people or periods looked at"
                  autosize
                  minRows={1}
                  value={samples}
                  onChange={(event) => setSamples(event.currentTarget.value)}
                  error={errors.samples}
                />
                <MultiSelect
                  label="Evidence"
                  description="Records in the evidence library the result rests on"
                  placeholder={evidenceIds.length === 0 ? "None linked" : undefined}
                  data={[
                    ...evidenceOptions,
                    ...item.evidence
                      .filter((e) => !evidenceOptions.some((option) => option.value === e.id))
                      .map((e) => ({ value: e.id, label: `${e.ref} ${e.title}` })),
                  ]}
                  value={evidenceIds}
                  onChange={setEvidenceIds}
                  searchable
                  clearable
                  error={errors.evidenceIds}
                />
              </>
            )}
            <Group>
              <Button type="submit" loading={save.isPending}>
                {answering ? "Save answer" : "Save assignment"}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <ReadOnlyAnswer item={item} />
      )}
      {raise.error && <ErrorAlert error={raise.error} title="Nothing was raised" />}
      <Group>
        {canRaiseNc && (
          <Button color="red" variant="light" loading={raise.isPending} onClick={() => raise.mutate("nonconformity")}>
            Raise nonconformity
          </Button>
        )}
        {canLogImprovement && (
          <Button variant="light" loading={raise.isPending} onClick={() => raise.mutate("improvement")}>
            Log improvement
          </Button>
        )}
        {item.nonconformity && (
          <Text size="sm">
            Raised{" "}
            <Anchor component={Link} to={`/o/${orgId}/nonconformities/${item.nonconformity.id}`}>
              nonconformity {item.nonconformity.ref}
            </Anchor>{" "}
            <StatusBadge
              of="nonconformityStatus"
              value={item.nonconformity.status}
              tone={statusTone[item.nonconformity.status]}
              size="sm"
            />
          </Text>
        )}
        {item.improvement && (
          <Text size="sm">
            Logged{" "}
            <Anchor component={Link} to={`/o/${orgId}/nonconformities/improvements`}>
              improvement {item.improvement.ref}
            </Anchor>{" "}
            <StatusBadge
              of="improvementStatus"
              value={item.improvement.status}
              tone={improvementTone[item.improvement.status]}
              size="sm"
            />
          </Text>
        )}
      </Group>
      {canWrite && (item.result === "minor_nc" || item.result === "major_nc") && !item.nonconformity && !raising && (
        <Alert color="blue">Nonconformities are raised while the audit is in progress or reporting.</Alert>
      )}
    </Stack>
  );
}

function ReadOnlyAnswer({ item }: { item: ChecklistItem }) {
  const rows: [string, string][] = [
    ["Notes", item.notes || "None"],
    ["Samples taken", item.samples || "None"],
    ["Evidence", item.evidence.map((e) => `${e.ref} ${e.title}`).join(", ") || "None linked"],
    ["Assigned to", item.assignee?.name ?? "Nobody"],
    ["Answered by", item.answeredBy ? item.answeredBy.name : "Not answered"],
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <Text size="sm" c="dimmed">
            {label}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
