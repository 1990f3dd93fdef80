import { reasonSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { ReasonModal } from "../ui/reason-modal";
import type { Finding } from "./redteam-types";

interface Props {
  orgId: string;
  finding: Finding | null;
  onClose: () => void;
}

/** Dismisses a finding; the reason is kept with it. */
export function DismissFindingModal({ orgId, finding, onClose }: Props) {
  const queryClient = useQueryClient();
  const dismiss = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.dismissRedteamFinding, {
        params: { orgId, findingId: finding?.id ?? "" },
        body: { reason, version: finding?.version ?? 0 },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["redteam", orgId] });
    },
    meta: { inlineError: true },
  });
  return (
    <ReasonModal
      opened={finding !== null}
      title={`Dismiss ${finding?.caseId ?? "finding"}`}
      description="A dismissed finding raises nothing. Say why, for the auditor who reads it later."
      label="Reason for dismissing"
      hint="For example: a false positive, or the behaviour is intended and documented."
      confirmLabel="Dismiss finding"
      confirmColor="red"
      errorTitle="Could not dismiss"
      schema={reasonSchema}
      mutation={dismiss}
      onClose={onClose}
    />
  );
}
