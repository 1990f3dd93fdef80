import type { RedteamSeverity, SeverityCounts, UploadedScanSummary } from "@openaims/contracts";
import { redteamSeverities } from "@openaims/contracts";

type CaseResult = UploadedScanSummary["cases"][number];

/** A vulnerable case as a finding row takes it. */
export interface FindingDraft {
  caseId: string;
  probeId: string;
  variant: string;
  title: string;
  category: CaseResult["category"];
  severity: RedteamSeverity;
  severityRank: number;
  tags: CaseResult["tags"];
  detail: string;
}

const DETAIL_MAX = 4000;

/** What the detectors that matched saw, and the runner's note, in one bounded text. */
export function findingDetail(result: Pick<CaseResult, "detectors" | "note" | "judge">): string {
  const lines = result.detectors
    .filter((detector) => detector.outcome === "matched")
    .map((detector) => `${detector.kind}: ${detector.detail}`);
  if (result.judge)
    lines.push(`judge (${result.judge.model}) answered ${result.judge.answer}: ${result.judge.rationale}`);
  if (result.note) lines.push(result.note);
  const text = lines.join("\n") || "The case was judged vulnerable.";
  return text.length > DETAIL_MAX ? `${text.slice(0, DETAIL_MAX - 1)}…` : text;
}

/** One finding per vulnerable case, in plan order. */
export function findingsOf(summary: Pick<UploadedScanSummary, "cases">): FindingDraft[] {
  return summary.cases
    .filter((result) => result.verdict === "vulnerable")
    .map((result) => ({
      caseId: result.caseId,
      probeId: result.probeId,
      variant: result.variant,
      title: result.title,
      category: result.category,
      severity: result.severity,
      severityRank: redteamSeverities.indexOf(result.severity),
      tags: result.tags,
      detail: findingDetail(result),
    }));
}

/** Vulnerable cases per severity, every severity present. */
export function countBySeverity(findings: ReadonlyArray<Pick<FindingDraft, "severity">>): SeverityCounts {
  const counts: SeverityCounts = { info: 0, low: 0, medium: 0, high: 0, critical: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
