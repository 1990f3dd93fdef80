/** What screening returns: findings, each naming the rule that fired, and the action they add up to. */

export type Severity = "low" | "medium" | "high";
export type ScreeningAction = "allow" | "flag" | "block";

export interface Finding {
  /** The rule that fired, e.g. input.planted-instruction, output.secret.aws-access-key-id, output.canary. */
  rule: string;
  /** What was found, in words; a secret is shown by its first four characters only. */
  detail: string;
  severity: Severity;
  /** UTF-16 index in the screened text where the finding starts, when it has a place. */
  start?: number;
  /** UTF-16 index just after it. */
  end?: number;
}

export interface ScreeningResult {
  /** block when a finding reaches the blocking severity, flag when there are findings below it, else allow. */
  action: ScreeningAction;
  findings: Finding[];
}

const rank: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

/** The action one finding calls for, given the lowest severity that blocks. */
export function findingAction(finding: Finding, blockAt: Severity): "flag" | "block" {
  return rank[finding.severity] >= rank[blockAt] ? "block" : "flag";
}

/** The action the findings add up to: the strongest one. */
export function screeningAction(findings: readonly Finding[], blockAt: Severity): ScreeningAction {
  if (findings.length === 0) return "allow";
  return findings.some((finding) => findingAction(finding, blockAt) === "block") ? "block" : "flag";
}

/** The first four characters and an ellipsis: enough to recognise a value, not to use it. */
export function shortened(value: string): string {
  return value.length <= 4 ? "…" : `${[...value].slice(0, 4).join("")}…`;
}

/** A rule name segment from a detector's key: payment_card → payment-card. */
export function ruleSegment(key: string): string {
  return key.replaceAll("_", "-");
}
