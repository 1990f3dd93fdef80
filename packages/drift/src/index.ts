export {
  DriftInputError,
  type DriftReportOptions,
  type DriftReportResult,
  type DriftSource,
  runDriftReport,
} from "./run-drift-report.js";
