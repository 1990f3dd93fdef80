import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import AssessmentPage from "./assessment-page";
import ImpactOverviewPage from "./impact-overview-page";
import SystemAssessmentsPage from "./system-assessments-page";

/** Every page below /o/:orgId/impact-assessments: the overview, a system's revisions, one revision. */
export default function ImpactAssessmentsModule() {
  return (
    <Routes>
      <Route index element={<ImpactOverviewPage />} />
      <Route path="systems/:systemId" element={<SystemAssessmentsPage />} />
      <Route path=":assessmentId" element={<AssessmentPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
