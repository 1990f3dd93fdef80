import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import DriftListPage from "./drift-list-page";
import DriftReportPage from "./drift-report-page";
import RunDriftPage from "./run-drift-page";

/** Every page below /o/:orgId/drift: drift reports, and the form that computes one on the server. */
export default function DriftModule() {
  return (
    <Routes>
      <Route index element={<DriftListPage />} />
      <Route path="run" element={<RunDriftPage />} />
      <Route path="reports/:reportId" element={<DriftReportPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
