export { DEFAULT_DRIFT_THRESHOLDS } from "./decide-drift.js";
export { DriftInputError } from "./drift-input-error.js";
export { renderDriftHtml } from "./html/render-drift-html.js";
export {
  type DriftReportOptions,
  type DriftReportResult,
  type DriftSource,
  runDriftReport,
} from "./run-drift-report.js";
