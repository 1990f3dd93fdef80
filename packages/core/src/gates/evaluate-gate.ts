import {
  type GateCheckConfig,
  type GateCheckKind,
  labelOf,
  type RedteamSeverity,
  type RiskRating,
  type Role,
  redteamSeverities,
  type SystemImpactState,
} from "@openaims/contracts";
import { ratingRank } from "../risks/risk-method-rules.js";

/** One risk of the system as a gate sees it. */
export interface GateRiskFact {
  ref: string;
  /** The rating that counts now: residual once assessed, else inherent; null while unrated. */
  rating: RiskRating | null;
  /** Not closed (an accepted risk is open). */
  open: boolean;
  /** When the risk was last reviewed; null if never. */
  reviewedAt: Date | null;
  /** A material change since the last review asks for it again. */
  needsReReview: boolean;
  /** End of the current acceptance; null when the risk is not accepted. */
  acceptedUntil: Date | null;
}

/** The newest finished security test (red-team scan) of the system. */
export interface GateScanFact {
  ref: string;
  finishedAt: Date;
  /** Severities of its findings still open (neither turned into a risk or nonconformity nor dismissed). */
  openFindings: RedteamSeverity[];
}

/** Everything a gate decision reads, gathered from the records by the server. */
export interface GateFacts {
  now: Date;
  impactAssessment: { state: SystemImpactState; ref: string | null };
  risks: GateRiskFact[];
  latestScan: GateScanFact | null;
  signOffs: { role: Role; name: string }[];
}

/** One check of the checklist: what it required and, in plain words, what it found. */
export interface GateCheckResult {
  kind: GateCheckKind;
  passed: boolean;
  requirement: string;
  finding: string;
}

export interface GateEvaluation {
  passed: boolean;
  checks: GateCheckResult[];
}

const DAY_MS = 86_400_000;
const day = (date: Date) => date.toISOString().slice(0, 10);
const ageInDays = (from: Date, now: Date) => Math.floor((now.getTime() - from.getTime()) / DAY_MS);

/** "R-1, R-2 and R-3", or the first ten and how many more. */
function listOf(items: string[]): string {
  const shown = items.slice(0, 10);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}

/** Position of a red-team severity, info = 0 … critical = 4, as the scan findings are ranked. */
const severityRank = (severity: RedteamSeverity) => redteamSeverities.indexOf(severity);

type Check<K extends GateCheckKind> = (
  config: Extract<GateCheckConfig, { kind: K }>,
  facts: GateFacts,
) => GateCheckResult;

const riskReviewRecent: Check<"risk_review_recent"> = ({ maxAgeDays }, { risks, now }) => {
  const requirement = `Every open risk reviewed in the last ${maxAgeDays} days, none awaiting re-review`;
  const open = risks.filter((risk) => risk.open);
  const due = open.flatMap((risk) => {
    if (risk.needsReReview) return [`${risk.ref} (changed materially since its review)`];
    if (!risk.reviewedAt) return [`${risk.ref} (never reviewed)`];
    if (ageInDays(risk.reviewedAt, now) > maxAgeDays) return [`${risk.ref} (last reviewed ${day(risk.reviewedAt)})`];
    return [];
  });
  if (due.length > 0)
    return { kind: "risk_review_recent", passed: false, requirement, finding: `To review: ${listOf(due)}.` };
  const finding =
    open.length === 0 ? "The system has no open risks." : `All ${open.length} open risks were reviewed in time.`;
  return { kind: "risk_review_recent", passed: true, requirement, finding };
};

const impactAssessmentCurrent: Check<"impact_assessment_current"> = (_config, { impactAssessment }) => {
  const requirement = "An approved impact assessment the system has not outgrown";
  const { state, ref } = impactAssessment;
  const findings: Record<SystemImpactState, string> = {
    none: "The system has no impact assessment.",
    draft: `${ref} is a draft, not approved.`,
    submitted: `${ref} is submitted and awaits approval.`,
    approved: `${ref} is approved and current.`,
    stale: `${ref} is stale: the system changed materially after its approval; reassess it.`,
  };
  return { kind: "impact_assessment_current", passed: state === "approved", requirement, finding: findings[state] };
};

const highRisksAccepted: Check<"high_risks_accepted"> = ({ minRating }, { risks, now }) => {
  const worse = minRating === "critical" ? "critical" : "high or critical";
  const requirement = `No open ${worse} risk without a current acceptance`;
  const unaccepted = risks.filter(
    (risk) =>
      risk.open &&
      risk.rating !== null &&
      ratingRank(risk.rating) >= ratingRank(minRating) &&
      !(risk.acceptedUntil && risk.acceptedUntil > now),
  );
  if (unaccepted.length > 0)
    return {
      kind: "high_risks_accepted",
      passed: false,
      requirement,
      finding: `Open ${worse} risks without a current acceptance: ${listOf(
        unaccepted.map((risk) => `${risk.ref} (${labelOf("riskRating", risk.rating as RiskRating)})`),
      )}.`,
    };
  return { kind: "high_risks_accepted", passed: true, requirement, finding: `No open ${worse} risk is unaccepted.` };
};

const securityTestRecent: Check<"security_test_recent"> = ({ maxAgeDays, blockingSeverity }, { latestScan, now }) => {
  const severity = labelOf("redteamSeverity", blockingSeverity).toLowerCase();
  const requirement = `A security test in the last ${maxAgeDays} days with no open finding of ${severity} severity or worse`;
  const result = (passed: boolean, finding: string): GateCheckResult => ({
    kind: "security_test_recent",
    passed,
    requirement,
    finding,
  });
  if (!latestScan) return result(false, "The system has no finished security test.");
  const age = ageInDays(latestScan.finishedAt, now);
  if (age > maxAgeDays)
    return result(false, `The latest, ${latestScan.ref}, finished on ${day(latestScan.finishedAt)}, ${age} days ago.`);
  const blocking = latestScan.openFindings.filter((found) => severityRank(found) >= severityRank(blockingSeverity));
  if (blocking.length > 0)
    return result(
      false,
      `${latestScan.ref} has ${blocking.length} open ${blocking.length === 1 ? "finding" : "findings"} of ${severity} severity or worse.`,
    );
  return result(true, `${latestScan.ref} finished on ${day(latestScan.finishedAt)} with no blocking finding open.`);
};

const signOffs: Check<"sign_offs"> = ({ roles }, facts) => {
  const names = roles.map((role) => labelOf("role", role));
  const requirement = `Signed off by: ${listOf(names)}`;
  const missing = roles.filter((role) => !facts.signOffs.some((signOff) => signOff.role === role));
  if (missing.length > 0)
    return {
      kind: "sign_offs",
      passed: false,
      requirement,
      finding: `Waiting for: ${listOf(missing.map((role) => labelOf("role", role)))}.`,
    };
  const signed = roles.map((role) => {
    const by = facts.signOffs.find((signOff) => signOff.role === role);
    return `${by?.name} (${labelOf("role", role)})`;
  });
  return { kind: "sign_offs", passed: true, requirement, finding: `Signed by ${listOf(signed)}.` };
};

/** One configured check applied to the facts. */
function runCheck(config: GateCheckConfig, facts: GateFacts): GateCheckResult {
  switch (config.kind) {
    case "risk_review_recent":
      return riskReviewRecent(config, facts);
    case "impact_assessment_current":
      return impactAssessmentCurrent(config, facts);
    case "high_risks_accepted":
      return highRisksAccepted(config, facts);
    case "security_test_recent":
      return securityTestRecent(config, facts);
    case "sign_offs":
      return signOffs(config, facts);
  }
}

/**
 * Decides a gate from its checklist and the facts the server gathered: every check with what it
 * required and what it found, and a pass only when every check passes. An empty checklist passes.
 */
export function evaluateGate(checklist: readonly GateCheckConfig[], facts: GateFacts): GateEvaluation {
  const checks = checklist.map((config) => runCheck(config, facts));
  return { passed: checks.every((check) => check.passed), checks };
}
