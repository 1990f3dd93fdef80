import type { RawFinding, ScanContext } from "../../scan/format-scanner.js";

/** Findings of one rule reported per file before the rest are summed up in one last finding. */
export const MAX_FINDINGS_PER_RULE = 50;

/**
 * Wraps a context's `report` so a hostile file with a million bad entries yields a readable
 * report: the first findings of each rule, then one saying how many more there were.
 */
export function cappedReporter(context: Pick<ScanContext, "report">): {
  report(finding: RawFinding): void;
  finish(): void;
} {
  const counts = new Map<string, number>();
  const lastOf = new Map<string, RawFinding>();
  return {
    report(finding) {
      const count = (counts.get(finding.ruleId) ?? 0) + 1;
      counts.set(finding.ruleId, count);
      if (count <= MAX_FINDINGS_PER_RULE) context.report(finding);
      else lastOf.set(finding.ruleId, finding);
    },
    finish() {
      for (const [ruleId, count] of counts) {
        const last = lastOf.get(ruleId);
        if (count <= MAX_FINDINGS_PER_RULE || !last) continue;
        context.report({
          ...last,
          location: "",
          title: `${count - MAX_FINDINGS_PER_RULE} more findings of this kind`,
          detail: `The file has ${count} findings of rule ${ruleId}; the first ${MAX_FINDINGS_PER_RULE} are listed.`,
        });
      }
    },
  };
}
