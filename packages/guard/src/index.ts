/** `@openaims/guard`: screen model input and output and decide tool calls in-process. */
export {
  createGuard,
  type Guard,
  type GuardEvent,
  type GuardOptions,
  type GuardStats,
} from "./create-guard.js";
export type { GuardPolicy } from "./decide/load-policy.js";
export type { GuardCall, GuardDecision, ToolResult } from "./decide/tool-decider.js";
export type { ReportEvent, ReportStats } from "./report/decision-reporter.js";
export type { ReportOptions } from "./report/report-options.js";
export type { Finding, ScreeningAction, ScreeningResult, Severity } from "./screen/findings.js";
export type { InputSource } from "./screen/screen-input.js";
export type { ScreenOutputOptions } from "./screen/screen-output.js";
export { type DetectorOptions, piiKinds } from "./screen/screening-settings.js";
