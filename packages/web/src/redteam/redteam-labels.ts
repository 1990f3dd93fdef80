import { enumLabels, type RedteamSeverity, routes } from "@openaims/contracts";
import { buildUrl } from "../api/client";

export const severityLabels = enumLabels.redteamSeverity;

export const severityColors: Record<RedteamSeverity, string> = {
  info: "gray",
  low: "green",
  medium: "yellow",
  high: "orange",
  critical: "red",
};

/** Most severe first, as tables and counts list them. */
export const severitiesDescending: RedteamSeverity[] = ["critical", "high", "medium", "low", "info"];

export const categoryLabels = enumLabels.redteamCategory;

export const verdictLabels = enumLabels.redteamVerdict;

export const scanStatusLabels = enumLabels.redteamScanStatus;

export const originLabels = enumLabels.redteamScanOrigin;

export const findingStatusLabels = enumLabels.redteamFindingStatus;

/** Where a scan's HTML report is downloaded; a plain link so the browser saves the file. */
export function reportUrl(orgId: string, scanId: string): string {
  return buildUrl(routes.downloadRedteamReport.path, { orgId, scanId });
}
