import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import {
  type InternalAuditDetail,
  type InternalAuditStatus,
  routes,
  transitionInternalAuditRequestSchema,
} from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { serverFieldErrors } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { limitCounter } from "../ui/field-limit";
import { ReasonModal } from "../ui/reason-modal";
import { useErrorFocus } from "../ui/use-error-focus";
import { auditKey } from "./use-audit-data";

/** The button for each step, as people say it. */
function stepLabel(from: InternalAuditStatus, to: InternalAuditStatus): string {
  if (to === "in_progress") return from === "planned" ? "Start audit" : "Back to in progress";
  if (to === "reporting") return "Move to reporting";
  if (to === "closed") return "Close audit";
  return "Cancel audit";
}

/**
 * Buttons for the steps the audit may take next. Closing asks for the conclusion and cancelling for a
 * reason; a refusal (unanswered items, a step out of turn) shows its reason here.
 */
export function AuditStatusActions({ orgId, audit }: { orgId: string; audit: InternalAuditDetail }) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<"closed" | "cancelled" | null>(null);
  const [conclusion, setConclusion] = useState(audit.conclusion);
  const move = useMutation({
    mutationFn: ({ to, text }: { to: InternalAuditStatus; text?: string }) =>
      callApi(routes.transitionInternalAudit, {
        params: { orgId, auditId: audit.id },
        body: { to, version: audit.version, ...(text !== undefined ? { conclusion: text } : {}) },
      }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(auditKey(orgId, audit.id), updated);
      await queryClient.invalidateQueries({ queryKey: ["internal-audits", orgId, "list"] });
      await queryClient.invalidateQueries({ queryKey: ["audit-programmes", orgId] });
    },
    meta: { inlineError: true },
  });
  const closeError = dialog === "closed" ? move.error : null;
  const formRef = useErrorFocus(serverFieldErrors(closeError).conclusion, closeError);
  if (audit.nextStatuses.length === 0) return null;
  const submitClose = (event: FormEvent) => {
    event.preventDefault();
    move.mutate({ to: "closed", text: conclusion }, { onSuccess: () => setDialog(null) });
  };

  return (
    <Stack gap="xs">
      {move.error && dialog === null && <ErrorAlert error={move.error} title="The audit's status did not change" />}
      <Group>
        {audit.nextStatuses.map((to, index) => (
          <Button
            key={to}
            variant={index === 0 ? "filled" : "default"}
            color={to === "cancelled" ? "red" : undefined}
            loading={move.isPending && move.variables?.to === to}
            onClick={() => {
              move.reset();
              if (to === "closed" || to === "cancelled") {
                setConclusion(audit.conclusion);
                setDialog(to);
              } else move.mutate({ to });
            }}
          >
            {stepLabel(audit.status, to)}
          </Button>
        ))}
      </Group>
      <Modal opened={dialog === "closed"} onClose={() => setDialog(null)} title={`Close ${audit.ref}`}>
        <form ref={formRef} onSubmit={submitClose} noValidate>
          <Stack>
            <Text size="sm">
              Closing needs a result on every checklist item. The conclusion goes into the audit report.
            </Text>
            {closeError !== null && closeError !== undefined && (
              <ErrorAlert error={closeError} title="The audit was not closed" />
            )}
            <Textarea
              label="Conclusion"
              description={[
                "What the audit found about the conformity and effectiveness of the AIMS",
                limitCounter(conclusion, 5000),
              ]
                .filter(Boolean)
                .join(" · ")}
              required
              autosize
              minRows={4}
              data-autofocus
              value={conclusion}
              onChange={(event) => setConclusion(event.currentTarget.value)}
              error={serverFieldErrors(closeError).conclusion}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                Keep open
              </Button>
              <Button type="submit" loading={move.isPending}>
                Close audit
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ReasonModal
        opened={dialog === "cancelled"}
        title={`Cancel ${audit.ref}`}
        description="A cancelled audit keeps its record and its reason; plan a new audit to do the work later."
        label="Reason"
        field="conclusion"
        schema={transitionInternalAuditRequestSchema.shape.conclusion}
        maxLength={5000}
        confirmLabel="Cancel audit"
        confirmColor="red"
        errorTitle="The audit was not cancelled"
        mutation={{
          mutate: (text, options) => move.mutate({ to: "cancelled", text }, options),
          reset: move.reset,
          isPending: move.isPending,
          error: move.error,
        }}
        onClose={() => setDialog(null)}
      />
    </Stack>
  );
}
