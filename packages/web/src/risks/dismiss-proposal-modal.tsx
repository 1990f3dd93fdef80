import { reasonSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { ReasonModal } from "../ui/reason-modal";
import type { ThreatProposalItem } from "./risk-types";

interface Props {
  orgId: string;
  proposal: ThreatProposalItem | null;
  onClose: () => void;
}

/** Dismisses a proposed threat; the reason is kept with the proposal. */
export function DismissProposalModal({ orgId, proposal, onClose }: Props) {
  const queryClient = useQueryClient();
  const dismiss = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.dismissThreatProposal, {
        params: { orgId, proposalId: proposal?.id ?? "" },
        body: { reason, version: proposal?.version ?? 0 },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["threat-proposals", orgId] });
    },
    meta: { inlineError: true },
  });
  return (
    <ReasonModal
      opened={proposal !== null}
      title={`Dismiss ${proposal?.threatTitle ?? "threat"}`}
      label="Reason for dismissing"
      hint="Why this threat does not apply to the system."
      confirmLabel="Dismiss threat"
      confirmColor="red"
      errorTitle="Could not dismiss"
      schema={reasonSchema}
      mutation={dismiss}
      onClose={onClose}
    />
  );
}
