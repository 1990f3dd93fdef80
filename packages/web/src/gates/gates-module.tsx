import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import GateChecklistsPage from "./gate-checklists-page";
import GateDecisionPage from "./gate-decision-page";
import GateDecisionsPage from "./gate-decisions-page";

/** Every page below /o/:orgId/gates: release gates per AI system, their decisions and checklists. */
export default function GatesModule() {
  return (
    <Routes>
      <Route index element={<GateDecisionsPage />} />
      <Route path="decisions/:decisionId" element={<GateDecisionPage />} />
      <Route path="checklists" element={<GateChecklistsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
