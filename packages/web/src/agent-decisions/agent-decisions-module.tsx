import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import DecisionLogPage from "./decision-log-page";

/** Every page below /o/:orgId/agent-decisions: the decision log of one agent. */
export default function AgentDecisionsModule() {
  return (
    <Routes>
      <Route path=":systemId" element={<DecisionLogPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
