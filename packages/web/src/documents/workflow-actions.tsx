import { Button, Group } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "../api/client";
import { serverFieldErrors } from "../api/form-errors";
import { SelfApprovalNote, useApprovalCheck } from "../approvals/segregation-of-duties";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { ReasonModal, type ReasonMutation } from "../ui/reason-modal";
import { ApproveModal } from "./approve-modal";
import type { DocumentVersion } from "./document-types";
import { useDocumentInvalidation } from "./use-document-invalidation";

type Step =
  | { kind: "submit" }
  | { kind: "request_changes"; comment: string }
  | { kind: "approve"; effectiveDate?: string | undefined; nextReviewDate?: string | undefined }
  | { kind: "retire"; reason: string };

const done: Record<Step["kind"], string> = {
  submit: "submitted for review",
  request_changes: "sent back for changes",
  approve: "approved",
  retire: "retired",
};

/** What a refused step says above the buttons, so the reader knows what did not happen. */
const refused: Record<Step["kind"], string> = {
  submit: "Not submitted for review",
  request_changes: "Not sent back for changes",
  approve: "Not approved",
  retire: "Not retired",
};

/** The workflow buttons a version's status allows: submit, request changes, approve, retire. */
export function WorkflowActions({ version }: { version: DocumentVersion }) {
  const { orgId } = useOrg();
  const invalidate = useDocumentInvalidation();
  const [modal, setModal] = useState<"request_changes" | "approve" | "retire" | null>(null);
  const params = { orgId, documentId: version.documentId, versionId: version.id };
  const run = useMutation({
    mutationFn: (step: Step) => {
      const v = version.version;
      if (step.kind === "submit") return callApi(routes.submitDocumentVersion, { params, body: { version: v } });
      if (step.kind === "request_changes")
        return callApi(routes.requestDocumentChanges, { params, body: { comment: step.comment, version: v } });
      if (step.kind === "retire")
        return callApi(routes.retireDocumentVersion, { params, body: { reason: step.reason, version: v } });
      const { effectiveDate, nextReviewDate } = step;
      return callApi(routes.approveDocumentVersion, {
        params,
        body: { version: v, bodySha256: version.bodySha256, effectiveDate, nextReviewDate },
      });
    },
    onSuccess: async (updated, step) => {
      notifications.show({ color: "green", message: `Version ${updated.number} was ${done[step.kind]}.` });
      setModal(null);
      await invalidate();
    },
    meta: { inlineError: true },
  });
  const open = (kind: NonNullable<typeof modal>) => {
    run.reset();
    setModal(kind);
  };
  const fieldErrors = serverFieldErrors(run.error);
  const retiring = modal === "retire";
  const textStep: ReasonMutation = {
    isPending: run.isPending,
    error: run.error,
    reset: run.reset,
    mutate: (text, options) =>
      run.mutate(retiring ? { kind: "retire", reason: text } : { kind: "request_changes", comment: text }, options),
  };
  const actions = version.allowedActions;
  const approval = useApprovalCheck("document_version", version.id, version.version, actions.includes("approve"));
  if (actions.length === 0) return null;

  return (
    <>
      {run.error && modal === null && <ErrorAlert error={run.error} title={refused[run.variables?.kind ?? "submit"]} />}
      <Group>
        {actions.includes("submit") && (
          <Button onClick={() => run.mutate({ kind: "submit" })} loading={run.isPending && modal === null}>
            Submit for review
          </Button>
        )}
        {actions.includes("request_changes") && (
          <Button variant="default" onClick={() => open("request_changes")}>
            Request changes
          </Button>
        )}
        {actions.includes("approve") && (
          <Button color="green" onClick={() => open("approve")} disabled={approval?.mayApprove === false}>
            Approve
          </Button>
        )}
        {actions.includes("retire") && (
          <Button variant="default" color="red" onClick={() => open("retire")}>
            Retire
          </Button>
        )}
      </Group>
      {actions.includes("approve") && <SelfApprovalNote check={approval} />}
      <ReasonModal
        opened={modal === "request_changes" || retiring}
        title={retiring ? `Retire version ${version.number}` : `Request changes to version ${version.number}`}
        description={
          retiring
            ? "The version stops being in force. It and its history are kept."
            : "The version goes back to draft so its author can change it."
        }
        label={retiring ? "Reason" : "What should change"}
        confirmLabel={retiring ? "Retire version" : "Send back to draft"}
        errorTitle={retiring ? refused.retire : refused.request_changes}
        field={retiring ? "reason" : "comment"}
        mutation={textStep}
        onClose={() => setModal(null)}
      />
      <ApproveModal
        version={modal === "approve" ? version : null}
        pending={run.isPending}
        error={run.error}
        errors={fieldErrors}
        onApprove={(dates) => run.mutate({ kind: "approve", ...dates })}
        onClose={() => setModal(null)}
      />
    </>
  );
}
