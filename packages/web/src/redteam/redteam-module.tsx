import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import NonconformitiesPage from "./nonconformities-page";
import RunScanPage from "./run-scan-page";
import ScanDetailPage from "./scan-detail-page";
import ScanListPage from "./scan-list-page";

/** Every page below /o/:orgId/security-tests: red-team scans, their findings, and nonconformities. */
export default function RedteamModule() {
  return (
    <Routes>
      <Route index element={<ScanListPage />} />
      <Route path="run" element={<RunScanPage />} />
      <Route path="scans/:scanId" element={<ScanDetailPage />} />
      <Route path="nonconformities" element={<NonconformitiesPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
