import type { modelScanRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { getModelScan } from "./get-model-scan.js";
import { listModelScans } from "./list-model-scans.js";
import { dismissModelFinding, raiseNonconformityFromModelFinding } from "./model-finding-actions.js";
import { downloadModelScanReport, downloadModelScanSarif } from "./model-scan-downloads.js";
import { raiseRiskFromModelFinding } from "./raise-risk-from-model-finding.js";
import { scanModelFile } from "./scan-model-file.js";
import { uploadModelScan } from "./upload-model-scan.js";

/** Handlers of the routes of model scans: uploaded or server-side scans of model files, and their findings. */
export const modelScanHandlers: DomainHandlers<typeof modelScanRoutes> = {
  listModelScans,
  uploadModelScan,
  scanModelFile,
  getModelScan,
  downloadModelScanReport,
  downloadModelScanSarif,
  raiseRiskFromModelFinding,
  raiseNonconformityFromModelFinding,
  dismissModelFinding,
};
