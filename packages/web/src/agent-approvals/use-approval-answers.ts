import { notifications } from "@mantine/notifications";
import { type AgentApprovalDetail, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";

/** Approve and refuse from the queue, sending the version read; both refresh the queue and the request. */
export function useApprovalAnswers(orgId: string, approval: AgentApprovalDetail | undefined) {
  const queryClient = useQueryClient();
  const done = async (message: string) => {
    notifications.show({ color: "green", message });
    await queryClient.invalidateQueries({ queryKey: ["agent-approvals", orgId] });
  };
  const approve = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.approveAgentAction, {
        params: { orgId, approvalId: approval?.id ?? "" },
        body: { reason, version: approval?.version ?? 1 },
      }),
    onSuccess: (answer) =>
      done(answer.status === "approved" ? `${answer.ref} is approved.` : `Your approval of ${answer.ref} is recorded.`),
    meta: { inlineError: true },
  });
  const refuse = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.refuseAgentAction, {
        params: { orgId, approvalId: approval?.id ?? "" },
        body: { reason, version: approval?.version ?? 1 },
      }),
    onSuccess: (answer) => done(`${answer.ref} is refused.`),
    meta: { inlineError: true },
  });
  return { approve, refuse };
}
