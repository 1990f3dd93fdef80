import type { redteamRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { dismissRedteamFinding, raiseNonconformityFromFinding } from "./finding-actions.js";
import { getRedteamScan } from "./get-redteam-scan.js";
import { listRedteamScans } from "./list-redteam-scans.js";
import { raiseRiskFromFinding } from "./raise-risk-from-finding.js";
import { downloadRedteamReport, uploadRedteamReport } from "./redteam-report.js";
import { getRedteamSettings } from "./redteam-settings.js";
import { getRedteamTrend } from "./redteam-trend.js";
import { runRedteamScan } from "./run-redteam-scan.js";
import { uploadRedteamScan } from "./upload-redteam-scan.js";

/** Handlers of the red-team routes. */
export const redteamHandlers: DomainHandlers<typeof redteamRoutes> = {
  listRedteamScans,
  uploadRedteamScan,
  runRedteamScan,
  getRedteamSettings,
  getRedteamScan,
  uploadRedteamReport,
  downloadRedteamReport,
  getRedteamTrend,
  raiseRiskFromFinding,
  raiseNonconformityFromFinding,
  dismissRedteamFinding,
};
