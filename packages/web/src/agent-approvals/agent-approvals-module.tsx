import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import ApprovalPage from "./approval-page";
import ApprovalQueuePage from "./approval-queue-page";

/** Every page below /o/:orgId/agent-approvals: the queue and one request. */
export default function AgentApprovalsModule() {
  return (
    <Routes>
      <Route index element={<ApprovalQueuePage />} />
      <Route path=":approvalId" element={<ApprovalPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
