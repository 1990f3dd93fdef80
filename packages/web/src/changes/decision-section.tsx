import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type ChangeDetail, rejectChangeRequestSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "../api/client";
import { SelfApprovalNote, useApprovalCheck } from "../approvals/segregation-of-duties";
import { formatDateTime } from "../ui/format";
import { ReasonModal } from "../ui/reason-modal";

interface Props {
  orgId: string;
  change: ChangeDetail;
  canWrite: boolean;
}

/** The change's decision, or the buttons to make it; the requester is told why they may not. */
export function DecisionSection({ orgId, change, canWrite }: Props) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<"approve" | "reject" | null>(null);
  const open = change.status === "requested";
  const approval = useApprovalCheck("change", change.id, change.version, canWrite && open);
  const onSuccess = async (decided: ChangeDetail) => {
    notifications.show({ color: "blue", message: `${decided.ref} is ${decided.status}.` });
    await queryClient.invalidateQueries({ queryKey: ["changes", orgId] });
  };
  const approve = useMutation({
    mutationFn: (note: string) =>
      callApi(routes.approveChange, {
        params: { orgId, changeId: change.id },
        body: note.trim() ? { version: change.version, note } : { version: change.version },
      }),
    onSuccess,
    meta: { inlineError: true },
  });
  const reject = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.rejectChange, {
        params: { orgId, changeId: change.id },
        body: { version: change.version, reason },
      }),
    onSuccess,
    meta: { inlineError: true },
  });

  return (
    <Card withBorder component="section" aria-labelledby="decision-heading">
      <Title order={2} size="h3" id="decision-heading" mb="sm">
        Decision
      </Title>
      {!open ? (
        <Stack gap="xs">
          <Text>
            {change.status === "approved" ? "Approved" : "Rejected"} by {change.decidedBy?.name ?? "a former member"} on{" "}
            {formatDateTime(change.decidedAt)}.
          </Text>
          {change.decisionNote && (
            <Text>
              {change.status === "approved" ? "Note" : "Reason"}: {change.decisionNote}
            </Text>
          )}
        </Stack>
      ) : (
        <Stack>
          <Text>Waiting for another member to approve or reject it.</Text>
          {canWrite && (
            <>
              <Group>
                <Button onClick={() => setDialog("approve")} disabled={approval?.mayApprove === false}>
                  Approve
                </Button>
                <Button
                  variant="default"
                  color="red"
                  onClick={() => setDialog("reject")}
                  disabled={approval?.mayApprove === false}
                >
                  Reject
                </Button>
              </Group>
              <SelfApprovalNote check={approval} />
            </>
          )}
        </Stack>
      )}
      <ReasonModal
        opened={dialog === "approve"}
        title={`Approve ${change.ref}`}
        label="Note"
        hint="Optional: what you checked."
        required={false}
        field="note"
        confirmLabel="Approve"
        errorTitle="Not approved"
        maxLength={4000}
        mutation={approve}
        onClose={() => setDialog(null)}
      />
      <ReasonModal
        opened={dialog === "reject"}
        title={`Reject ${change.ref}`}
        label="Reason"
        confirmLabel="Reject"
        confirmColor="red"
        errorTitle="Not rejected"
        schema={rejectChangeRequestSchema.shape.reason}
        maxLength={2000}
        mutation={reject}
        onClose={() => setDialog(null)}
      />
    </Card>
  );
}
