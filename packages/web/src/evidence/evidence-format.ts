import { type EvidenceSource, routes } from "@openaims/contracts";
import { buildUrl } from "../api/client";
import { formatDate } from "../ui/format";
import type { Evidence } from "./evidence-types";

const sourceLabels: Record<EvidenceSource, string> = { manual: "Added by a person", api: "API", engine: "Engine" };

export function sourceLabel(source: EvidenceSource): string {
  return sourceLabels[source];
}

/** "31 Mar 2025", or what it means when there is no expiry. */
export function validUntilText(evidence: Pick<Evidence, "validUntil">): string {
  return evidence.validUntil ? formatDate(evidence.validUntil) : "Does not expire";
}

/** A byte count as people read it: 812 B, 14.2 KiB, 3.1 MiB. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Where an evidence file is downloaded; a plain link so the browser handles the download. */
export function downloadUrl(orgId: string, evidenceId: string): string {
  return buildUrl(routes.downloadEvidenceFile.path, { orgId, evidenceId });
}
