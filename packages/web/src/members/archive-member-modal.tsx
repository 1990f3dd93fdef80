import { notifications } from "@mantine/notifications";
import { reasonSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ReasonModal } from "../ui/reason-modal";
import type { Member } from "./member-types";

interface Props {
  member: Member | null;
  onClose: () => void;
}

/** Asks for the reason, then archives the member: access ends, the record stays. */
export function ArchiveMemberModal({ member, onClose }: Props) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.archiveMember, {
        params: { orgId, memberId: member?.id ?? "" },
        body: { reason, version: member?.version ?? 0 },
      }),
    onSuccess: async (archived) => {
      notifications.show({ color: "blue", message: `${archived.name} was archived.` });
      await queryClient.invalidateQueries({ queryKey: ["members", orgId] });
    },
    meta: { inlineError: true },
  });

  return (
    <ReasonModal
      opened={member !== null}
      title={`Archive ${member?.name ?? "member"}`}
      description={`${member?.name ?? ""} loses access to this organisation. The membership record and its history are kept.`}
      label="Reason"
      hint="Recorded in the audit trail."
      confirmLabel="Archive member"
      confirmColor="red"
      errorTitle="Could not archive"
      schema={reasonSchema}
      mutation={archive}
      onClose={onClose}
    />
  );
}
