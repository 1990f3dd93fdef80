import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import AgentPage from "./agent-page";
import AgentsPage from "./agents-page";
import PolicyDiffPage from "./policy-diff-page";
import PolicyEditorPage from "./policy-editor-page";
import PolicyPage from "./policy-page";

/** Every page below /o/:orgId/agents: agents, their tools and their action policies. */
export default function AgentsModule() {
  return (
    <Routes>
      <Route index element={<AgentsPage />} />
      <Route path="policies/:policyId" element={<PolicyPage />} />
      <Route path="policies/:policyId/diff" element={<PolicyDiffPage />} />
      <Route path="policies/:policyId/versions/:versionId" element={<PolicyEditorPage />} />
      <Route path=":systemId" element={<AgentPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
