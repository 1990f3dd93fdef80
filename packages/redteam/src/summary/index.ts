/** The summary.json format: its zod schema (for validating uploads) and the published JSON Schema. */

export { summaryJsonSchema } from "./summary-json-schema.js";
export {
  caseResultSchema,
  detectorResultSchema,
  MAX_SUMMARY_CASES,
  scanSummarySchema,
  verdictCountsSchema,
} from "./summary-schema.js";
