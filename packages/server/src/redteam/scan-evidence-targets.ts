import type { UploadedScanSummary } from "@openaims/contracts";
import { compareRefs, isAnnexAControlId, isClauseId } from "@openaims/core";

/** A red-team scan always evidences A.6.2.4 (AI system verification and validation). */
export const SCAN_CONTROL = "A.6.2.4";

/**
 * Whether a case tested something: skipped, inconclusive and failed cases evidence nothing. A case
 * blocked by policy did: the attempt was made and the control in front of the system stopped it.
 */
export function caseDecided(result: UploadedScanSummary["cases"][number]): boolean {
  return result.verdict === "vulnerable" || result.verdict === "blocked" || result.verdict === "not_observed";
}

/**
 * What a scan's evidence record is linked to, besides the system: A.6.2.4, every Annex A control the
 * probes that reached a verdict are tagged with, and every clause they are tagged with (6.1.2 risk
 * assessment, 9.1 monitoring and measurement …). Ids outside the catalogue are ignored. Sorted, without
 * repeats. Callers record no evidence for a scan in which no case reached a verdict.
 */
export function scanEvidenceTargets(summary: Pick<UploadedScanSummary, "cases">): {
  controlIds: string[];
  clauseIds: string[];
} {
  const controls = new Set<string>([SCAN_CONTROL]);
  const clauses = new Set<string>();
  for (const result of summary.cases) {
    if (!caseDecided(result)) continue;
    for (const id of result.tags.isoControls) {
      if (isAnnexAControlId(id)) controls.add(id);
      else if (isClauseId(id)) clauses.add(id);
    }
  }
  return { controlIds: [...controls].sort(compareRefs), clauseIds: [...clauses].sort(compareRefs) };
}
