import { Navigate, Route, Routes } from "react-router";
import { useOrg } from "../shell/current-org";
import NotFoundPage from "../shell/not-found-page";
import RunScanPage from "./run-scan-page";
import ScanDetailPage from "./scan-detail-page";
import ScanListPage from "./scan-list-page";

/** Nonconformities moved to their own module; old links still land there. */
function NonconformitiesMoved() {
  const { orgId } = useOrg();
  return <Navigate to={`/o/${orgId}/nonconformities`} replace />;
}

/** Every page below /o/:orgId/security-tests: red-team scans and their findings. */
export default function RedteamModule() {
  return (
    <Routes>
      <Route index element={<ScanListPage />} />
      <Route path="run" element={<RunScanPage />} />
      <Route path="scans/:scanId" element={<ScanDetailPage />} />
      <Route path="nonconformities" element={<NonconformitiesMoved />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
