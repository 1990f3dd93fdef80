import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";

/** Every page below /o/:orgId/impact-assessments. */
export default function ImpactAssessmentsModule() {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
