import { Anchor, Stack } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ApprovalView } from "./approval-view";
import { useApprovalAnswers } from "./use-approval-answers";

/** One approval request from the queue. */
export default function ApprovalPage() {
  const { orgId } = useOrg();
  const { approvalId = "" } = useParams();
  const query = useQuery({
    queryKey: ["agent-approvals", orgId, "detail", approvalId],
    queryFn: () => callApi(routes.getAgentApproval, { params: { orgId, approvalId } }),
  });
  const { approve, refuse } = useApprovalAnswers(orgId, query.data);
  return (
    <Stack>
      <Anchor component={Link} to=".." relative="path" size="sm">
        ← Agent approvals
      </Anchor>
      <PageHeader title={query.data ? `${query.data.ref}: ${query.data.call.name}` : "Approval request"} />
      {query.error && <ErrorAlert error={query.error} />}
      {query.isPending ? (
        <PageLoader />
      ) : (
        query.data && <ApprovalView approval={query.data} approve={approve} refuse={refuse} />
      )}
      {query.data && (
        <Anchor component={Link} to={`../../agent-decisions/${query.data.system.id}`} relative="path" size="sm">
          The decision log of {query.data.system.name}
        </Anchor>
      )}
    </Stack>
  );
}
