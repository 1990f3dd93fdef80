import { caseResultSchema } from "@openaims/redteam/summary";
import { z } from "zod";

/** Severities and categories of red-team probes, exactly as the scanner's summary names them. */
export const redteamSeveritySchema = caseResultSchema.shape.severity;
export type RedteamSeverity = z.infer<typeof redteamSeveritySchema>;
export const redteamSeverities = redteamSeveritySchema.options;

export const redteamCategorySchema = caseResultSchema.shape.category;
export type RedteamCategory = z.infer<typeof redteamCategorySchema>;
export const redteamCategories = redteamCategorySchema.options;

/** A case's verdict, exactly as the scanner's summary names it (blocked: a policy stopped the harmful action). */
export const redteamVerdictSchema = caseResultSchema.shape.verdict;
export type RedteamVerdict = z.infer<typeof redteamVerdictSchema>;
export const redteamVerdicts = redteamVerdictSchema.options;

/** running: a server-side scan in progress; partial: the scanner stopped early, results are incomplete. */
export const redteamScanStatuses = ["running", "completed", "failed", "partial"] as const;
export const redteamScanStatusSchema = z.enum(redteamScanStatuses);
export type RedteamScanStatus = z.infer<typeof redteamScanStatusSchema>;

/** cli: a summary uploaded by the command line (or CI); web: run by the server, started from the UI. */
export const redteamScanOrigins = ["cli", "web"] as const;
export const redteamScanOriginSchema = z.enum(redteamScanOrigins);
export type RedteamScanOrigin = z.infer<typeof redteamScanOriginSchema>;

/** What became of a vulnerable case: still open, turned into a risk or a nonconformity, or dismissed. */
export const redteamFindingStatuses = ["open", "risk_raised", "nonconformity_raised", "dismissed"] as const;
export const redteamFindingStatusSchema = z.enum(redteamFindingStatuses, {
  message: "must be open, risk_raised, nonconformity_raised or dismissed",
});
export type RedteamFindingStatus = z.infer<typeof redteamFindingStatusSchema>;

/** The largest scan summary the upload route accepts, in bytes (16 MiB, several thousand cases). */
export const REDTEAM_SUMMARY_MAX_BYTES = 16 * 1024 * 1024;

/** The largest HTML report the report upload accepts, in bytes (25 MiB). */
export const REDTEAM_REPORT_MAX_BYTES = 25 * 1024 * 1024;
