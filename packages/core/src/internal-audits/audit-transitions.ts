import {
  type AuditFrequency,
  type AuditResult,
  type InternalAuditStatus,
  internalAuditSteps,
  labelOf,
} from "@openaims/contracts";

const named = (status: InternalAuditStatus) => labelOf("internalAuditStatus", status).toLowerCase();

/** Whether an audit may move from `from` to `to`; if not, a refusal that names the allowed steps. */
export function checkAuditTransition(
  from: InternalAuditStatus,
  to: InternalAuditStatus,
): { ok: true } | { ok: false; reason: string; allowed: readonly InternalAuditStatus[] } {
  const allowed = internalAuditSteps[from];
  if (allowed.includes(to)) return { ok: true };
  const reason =
    allowed.length === 0
      ? `The audit is ${named(from)} and can no longer change status; plan a new audit instead.`
      : `An audit that is ${named(from)} can move to ${allowed.map(named).join(" or ")}, not to ${named(to)}.`;
  return { ok: false, reason, allowed };
}

/** How many requirement ids a refusal lists before it says "and n more". */
const LISTED = 10;

/**
 * Why an audit cannot close yet, or null when it can: every checklist item needs a result, and the audit
 * needs a conclusion. The message names how many items are open and which.
 */
export function auditCloseRefusal(
  ref: string,
  unansweredRequirementIds: readonly string[],
  conclusion: string,
): string | null {
  const count = unansweredRequirementIds.length;
  if (count > 0) {
    const listed = unansweredRequirementIds.slice(0, LISTED).join(", ");
    const more = count > LISTED ? ` and ${count - LISTED} more` : "";
    const items = count === 1 ? "1 checklist item is" : `${count} checklist items are`;
    return `${ref} cannot be closed: ${items} still unanswered (${listed}${more}). Move the audit back to in progress and record a result for each.`;
  }
  if (conclusion.trim() === "")
    return `${ref} cannot be closed without a conclusion: say what the audit found about the conformity and effectiveness of the AIMS.`;
  return null;
}

/** How many items have each result, and how many are answered. */
export function countAuditResults(results: readonly (AuditResult | null)[]): {
  answered: number;
  total: number;
  counts: Record<AuditResult, number>;
} {
  const counts: Record<AuditResult, number> = {
    conforming: 0,
    minor_nc: 0,
    major_nc: 0,
    observation: 0,
    opportunity: 0,
  };
  let answered = 0;
  for (const result of results) {
    if (result === null) continue;
    counts[result] += 1;
    answered += 1;
  }
  return { answered, total: results.length, counts };
}

const monthsPerAudit: Record<AuditFrequency, number> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };

/**
 * How many audits a programme's frequency calls for over its period ('YYYY-MM-DD' dates, both days
 * included): a quarterly programme over a calendar year expects 4; any period expects at least one.
 */
export function expectedAuditCount(frequency: AuditFrequency, periodStart: string, periodEnd: string): number {
  const days = (Date.parse(periodEnd) - Date.parse(periodStart)) / 86_400_000 + 1;
  if (!Number.isFinite(days) || days <= 0) return 1;
  const months = Math.round(days / 30.4375);
  return Math.max(1, Math.ceil(months / monthsPerAudit[frequency]));
}
