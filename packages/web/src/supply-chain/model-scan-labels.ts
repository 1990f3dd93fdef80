import type { ModelScanVerdict, SignatureStatus } from "@openaims/contracts";
import { routes } from "@openaims/contracts";
import { type ApiResult, buildUrl } from "../api/client";
import type { Tone } from "../ui/status-tones";

export type ModelScanItem = ApiResult<typeof routes.listModelScans>["items"][number];
export type ModelScanDetail = ApiResult<typeof routes.getModelScan>;
export type ModelFinding = ModelScanDetail["findings"][number];

/** Unsafe is wrong, review and incomplete need someone, clean is good. */
export const verdictTones: Record<ModelScanVerdict, Tone> = {
  unsafe: "danger",
  review: "attention",
  incomplete: "attention",
  clean: "success",
};

export const signatureTones: Record<SignatureStatus, Tone> = {
  verified: "success",
  failed: "danger",
  unsigned: "attention",
  not_checked: "neutral",
};

/** Where the list and a scan's page live. */
export const modelScansPath = (orgId: string) => `/o/${orgId}/model-scans`;
export const modelScanPath = (orgId: string, scanId: string) => `/o/${orgId}/model-scans/scans/${scanId}`;

/** Where a scan's JSON report is downloaded; a plain link so the browser saves the file. */
export function modelScanReportUrl(orgId: string, modelScanId: string): string {
  return buildUrl(routes.downloadModelScanReport.path, { orgId, modelScanId });
}

/** Where a scan's SARIF is downloaded. */
export function modelScanSarifUrl(orgId: string, modelScanId: string): string {
  return buildUrl(routes.downloadModelScanSarif.path, { orgId, modelScanId });
}
