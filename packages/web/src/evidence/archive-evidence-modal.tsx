import { notifications } from "@mantine/notifications";
import { reasonSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ReasonModal } from "../ui/reason-modal";
import type { Evidence } from "./evidence-types";

interface Props {
  evidence: Evidence;
  opened: boolean;
  onClose: () => void;
}

/** Asks for the reason, then archives the evidence: it stops counting for its links, the record stays. */
export function ArchiveEvidenceModal({ evidence, opened, onClose }: Props) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.archiveEvidence, {
        params: { orgId, evidenceId: evidence.id },
        body: { reason, version: evidence.version },
      }),
    onSuccess: async (archived) => {
      notifications.show({ color: "blue", message: `Evidence ${archived.ref} was archived.` });
      await queryClient.invalidateQueries({ queryKey: ["evidence", orgId] });
    },
    meta: { inlineError: true },
  });

  return (
    <ReasonModal
      opened={opened}
      title={`Archive ${evidence.ref}`}
      description="Archived evidence no longer counts for the controls it is linked to. The record, its file and its history are kept."
      label="Reason"
      hint="Recorded in the audit trail."
      confirmLabel="Archive evidence"
      confirmColor="red"
      errorTitle="Could not archive"
      schema={reasonSchema}
      mutation={archive}
      onClose={onClose}
    />
  );
}
