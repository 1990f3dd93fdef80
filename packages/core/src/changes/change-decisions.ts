import { type ChangeStatus, labelOf } from "@openaims/contracts";

/** The steps a change may take from each status: a requested change is approved or rejected, once. */
export const changeSteps: Readonly<Record<ChangeStatus, readonly ChangeStatus[]>> = {
  requested: ["approved", "rejected"],
  approved: [],
  rejected: [],
};

const named = (status: ChangeStatus) => labelOf("changeStatus", status).toLowerCase();

/**
 * Whether a change may move from `from` to `to`; if not, a refusal naming the allowed steps. A
 * decided change stays decided: a change made after a rejection is a new change.
 */
export function checkChangeDecision(
  from: ChangeStatus,
  to: ChangeStatus,
): { ok: true } | { ok: false; reason: string; allowed: readonly ChangeStatus[] } {
  const allowed = changeSteps[from];
  if (allowed.includes(to)) return { ok: true };
  const reason =
    allowed.length === 0
      ? `The change is already ${named(from)}; a decided change cannot be approved or rejected again. Record a new change instead.`
      : `A change that is ${named(from)} can be ${allowed.map(named).join(" or ")}, not ${named(to)}.`;
  return { ok: false, reason, allowed };
}
