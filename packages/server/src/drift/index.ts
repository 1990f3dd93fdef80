import type { driftRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { getDriftReport, getDriftReportHtml, listDriftReports, uploadDriftReport } from "./drift-report-handlers.js";
import { deriveDriftSample, listDriftSamples, uploadDriftSample } from "./drift-sample-handlers.js";
import { runDriftReport } from "./run-drift-report.js";

/** Handlers of the routes of drift reports and the data samples they compare. */
export const driftHandlers: DomainHandlers<typeof driftRoutes> = {
  listDriftReports,
  uploadDriftReport,
  runDriftReport,
  getDriftReport,
  getDriftReportHtml,
  listDriftSamples,
  uploadDriftSample,
  deriveDriftSample,
};
