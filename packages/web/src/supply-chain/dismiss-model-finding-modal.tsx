import { reasonSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { ReasonModal } from "../ui/reason-modal";
import type { ModelFinding } from "./model-scan-labels";

interface Props {
  orgId: string;
  finding: ModelFinding | null;
  onClose: () => void;
}

/** Dismisses a model scan finding; the reason is kept with it. */
export function DismissModelFindingModal({ orgId, finding, onClose }: Props) {
  const queryClient = useQueryClient();
  const dismiss = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.dismissModelFinding, {
        params: { orgId, modelFindingId: finding?.id ?? "" },
        body: { reason, version: finding?.version ?? 0 },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["model-scans", orgId] });
    },
    meta: { inlineError: true },
  });
  return (
    <ReasonModal
      opened={finding !== null}
      title={`Dismiss "${finding?.title ?? "finding"}"`}
      description="A dismissed finding raises nothing. Say why, for the auditor who reads it later."
      label="Reason for dismissing"
      hint="For example: the operator is shipped with our runtime, or the file is never loaded."
      confirmLabel="Dismiss finding"
      confirmColor="red"
      errorTitle="Could not dismiss"
      schema={reasonSchema}
      mutation={dismiss}
      onClose={onClose}
    />
  );
}
