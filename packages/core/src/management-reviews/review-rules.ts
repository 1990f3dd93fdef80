import {
  labelOf,
  type ManagementReviewStatus,
  managementReviewSteps,
  type ReviewActionStatus,
  type ReviewInputKey,
  reviewActionSteps,
  reviewInputs,
} from "@openaims/contracts";

type Step<S> = { ok: true } | { ok: false; reason: string; allowed: readonly S[] };

const reviewNamed = (status: ManagementReviewStatus) => labelOf("managementReviewStatus", status).toLowerCase();
const actionNamed = (status: ReviewActionStatus) => labelOf("reviewActionStatus", status).toLowerCase();

/** Whether a review may move from `from` to `to`; if not, a refusal naming the allowed steps. */
export function checkReviewTransition(
  from: ManagementReviewStatus,
  to: ManagementReviewStatus,
): Step<ManagementReviewStatus> {
  const allowed = managementReviewSteps[from];
  if (allowed.includes(to)) return { ok: true };
  const reason =
    allowed.length === 0
      ? `The review is ${reviewNamed(from)} and can no longer change status; schedule a new review instead.`
      : `A review that is ${reviewNamed(from)} can move to ${allowed.map(reviewNamed).join(" or ")}, not to ${reviewNamed(to)}.`;
  return { ok: false, reason, allowed };
}

/** Whether a review action may move from `from` to `to`; staying put is always allowed. */
export function checkReviewActionTransition(
  from: ReviewActionStatus,
  to: ReviewActionStatus,
): Step<ReviewActionStatus> {
  if (from === to) return { ok: true };
  const allowed = reviewActionSteps[from];
  if (allowed.includes(to)) return { ok: true };
  const reason =
    allowed.length === 0
      ? `This review action is ${actionNamed(from)} and can no longer change status; record a new action instead.`
      : `A review action that is ${actionNamed(from)} can move to ${allowed.map(actionNamed).join(", ")}, not to ${actionNamed(to)}.`;
  return { ok: false, reason, allowed };
}

/** Whether a review's pack, decisions, details and new actions may still change: only before it closes. */
export function reviewIsOpen(status: ManagementReviewStatus): boolean {
  return status === "planned" || status === "in_progress";
}

/** The inputs without a (non-empty) decision, in the order of the inputs. */
export function missingDecisions(decided: Iterable<ReviewInputKey>): ReviewInputKey[] {
  const have = new Set(decided);
  return reviewInputs.map((input) => input.key).filter((key) => !have.has(key));
}

/**
 * What stands between a review and closing, in plain words: a compiled pack, and a decision on every
 * input (named by its title). Empty when it may close from the status it is in.
 */
export function closeBlockers(review: {
  status: ManagementReviewStatus;
  hasPack: boolean;
  missing: readonly ReviewInputKey[];
}): string[] {
  if (review.status === "closed" || review.status === "cancelled") return [];
  const blockers: string[] = [];
  if (review.status === "planned") blockers.push("Start the review first.");
  if (!review.hasPack) blockers.push("Compile the input pack.");
  if (review.missing.length > 0)
    blockers.push(
      `Record a decision on ${review.missing.length === 1 ? "this input" : `these ${review.missing.length} inputs`}: ${review.missing
        .map((key) => reviewInputs.find((input) => input.key === key)?.title ?? key)
        .join("; ")}.`,
    );
  return blockers;
}

/** An action is overdue when its due date is before `today` while it is still open or in progress. */
export function reviewActionOverdue(status: ReviewActionStatus, dueDate: string | null, today: string): boolean {
  return (status === "open" || status === "in_progress") && dueDate !== null && dueDate < today;
}
