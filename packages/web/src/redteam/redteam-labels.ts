import {
  type RedteamCategory,
  type RedteamFindingStatus,
  type RedteamScanOrigin,
  type RedteamScanStatus,
  type RedteamSeverity,
  routes,
} from "@openaims/contracts";
import { buildUrl } from "../api/client";

export const severityLabels: Record<RedteamSeverity, string> = {
  info: "Info",
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

export const severityColors: Record<RedteamSeverity, string> = {
  info: "gray",
  low: "green",
  medium: "yellow",
  high: "orange",
  critical: "red",
};

/** Most severe first, as tables and counts list them. */
export const severitiesDescending: RedteamSeverity[] = ["critical", "high", "medium", "low", "info"];

export const categoryLabels: Record<RedteamCategory, string> = {
  direct_injection: "Direct prompt injection",
  indirect_injection: "Indirect prompt injection",
  system_prompt_leakage: "System prompt leakage",
  sensitive_data_exposure: "Sensitive data exposure",
  tool_misuse: "Tool misuse",
  authorization: "Authorization",
  unsafe_automation: "Unsafe automation",
  improper_output_handling: "Improper output handling",
  api_abuse: "API abuse",
};

export const scanStatusLabels: Record<RedteamScanStatus, string> = {
  running: "Running",
  completed: "Completed",
  failed: "Failed",
  partial: "Partial",
};

export const scanStatusColors: Record<RedteamScanStatus, string> = {
  running: "blue",
  completed: "green",
  failed: "red",
  partial: "yellow",
};

export const originLabels: Record<RedteamScanOrigin, string> = {
  cli: "Uploaded (CLI)",
  web: "Run by the server",
};

export const findingStatusLabels: Record<RedteamFindingStatus, string> = {
  open: "Open",
  risk_raised: "Risk raised",
  nonconformity_raised: "Nonconformity raised",
  dismissed: "Dismissed",
};

/** Where a scan's HTML report is downloaded; a plain link so the browser saves the file. */
export function reportUrl(orgId: string, scanId: string): string {
  return buildUrl(routes.downloadRedteamReport.path, { orgId, scanId });
}
