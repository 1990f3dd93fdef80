import { Anchor, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { callApi } from "../api/client";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ApprovalView } from "./approval-view";

/**
 * Where an approval e-mail's link lands (/approve/:token): the request for the signed-in member the link
 * was sent to. The link works once; answering uses it up.
 */
export default function ApprovalLinkPage() {
  const { token = "" } = useParams();
  const queryClient = useQueryClient();
  const key = ["agent-approval-link", token];
  const query = useQuery({
    queryKey: key,
    queryFn: () => callApi(routes.getAgentApprovalLink, { params: { token } }),
    retry: false,
  });
  const answerWith = (decision: "approve" | "refuse") => ({
    mutationFn: (reason: string) =>
      callApi(routes.answerAgentApprovalLink, { params: { token }, body: { decision, reason } }),
    onSuccess: async (answered: { ref: string; status: string }) => {
      notifications.show({
        color: "green",
        message: `${answered.ref} is ${answered.status === "pending" ? "still waiting for more approvers" : answered.status}.`,
      });
      await queryClient.invalidateQueries({ queryKey: key });
    },
    meta: { inlineError: true },
  });
  const approve = useMutation(answerWith("approve"));
  const refuse = useMutation(answerWith("refuse"));
  const answered = approve.data ?? refuse.data;
  return (
    <Stack maw={960} mx="auto" p="md">
      <PageHeader title={query.data ? `${query.data.ref}: ${query.data.call.name}` : "Approval request"} />
      {answered ? (
        <Stack>
          <Text>
            Thank you: {answered.ref} is now{" "}
            {answered.status === "pending" ? "waiting for more approvers" : answered.status}. This link is used up.
          </Text>
          <Anchor component={Link} to={`/o/${answered.orgId}/agent-approvals/${answered.id}`}>
            Open the request in the approval queue
          </Anchor>
        </Stack>
      ) : (
        <>
          {query.error && <ErrorAlert error={query.error} />}
          {query.isPending ? (
            <PageLoader />
          ) : (
            query.data && <ApprovalView approval={query.data} approve={approve} refuse={refuse} />
          )}
        </>
      )}
    </Stack>
  );
}
