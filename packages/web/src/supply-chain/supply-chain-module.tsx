import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import ModelScanListPage from "./model-scan-list-page";
import ModelScanPage from "./model-scan-page";

/** Every page below /o/:orgId/model-scans: scans of model files and their findings. */
export default function SupplyChainModule() {
  return (
    <Routes>
      <Route index element={<ModelScanListPage />} />
      <Route path="scans/:modelScanId" element={<ModelScanPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
