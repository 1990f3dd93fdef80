import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ReasonModal } from "../ui/reason-modal";

/** The assignment being ended, with the words that describe it. */
export interface EndingAssignment {
  id: string;
  version: number;
  description: string;
}

/** Ends a RACI assignment with a reason; the record is kept. */
export function EndAssignmentModal({
  assignment,
  onClose,
}: {
  assignment: EndingAssignment | null;
  onClose: () => void;
}) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const end = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.archiveResponsibility, {
        params: { orgId, assignmentId: assignment?.id ?? "" },
        body: { reason, version: assignment?.version ?? 0 },
      }),
    onSuccess: async () => {
      notifications.show({ color: "blue", message: "Assignment ended." });
      await queryClient.invalidateQueries({ queryKey: ["responsibilities", orgId] });
    },
    meta: { inlineError: true },
  });
  return (
    <ReasonModal
      opened={assignment !== null}
      title="End assignment"
      description={`${assignment?.description ?? ""}. The assignment is kept on record as ended.`}
      label="Reason"
      confirmLabel="End assignment"
      errorTitle="Assignment not ended"
      mutation={end}
      onClose={onClose}
    />
  );
}
