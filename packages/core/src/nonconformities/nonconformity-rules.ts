import {
  type CorrectiveActionStatus,
  correctiveActionSteps,
  type ImprovementStatus,
  improvementSteps,
  labelOf,
  type NonconformitySeverity,
  type NonconformityStatus,
  type RedteamSeverity,
} from "@openaims/contracts";

/** A red-team finding rated critical or high is a major nonconformity; any other is minor. */
export function nonconformitySeverityOf(severity: RedteamSeverity): NonconformitySeverity {
  return severity === "critical" || severity === "high" ? "major" : "minor";
}

const actionNamed = (status: CorrectiveActionStatus) => labelOf("correctiveActionStatus", status).toLowerCase();

/** Whether a corrective action may move from `from` to `to`; if not, a refusal naming the allowed steps. */
export function checkCorrectiveActionTransition(
  from: CorrectiveActionStatus,
  to: CorrectiveActionStatus,
): { ok: true } | { ok: false; reason: string; allowed: readonly CorrectiveActionStatus[] } {
  if (from === to) return { ok: true };
  const allowed = correctiveActionSteps[from];
  if (allowed.includes(to)) return { ok: true };
  const reason =
    allowed.length === 0
      ? `This corrective action is ${actionNamed(from)} and can no longer change status; plan a new action instead.`
      : `A corrective action that is ${actionNamed(from)} can move to ${allowed.map(actionNamed).join(", ")}, not to ${actionNamed(to)}.`;
  return { ok: false, reason, allowed };
}

/**
 * Where an unclosed nonconformity stands, from the statuses of its corrective actions in the current
 * round (those planned since its last not-effective check): open with none to work on, action planned
 * while any is open or in progress, awaiting its effectiveness check once every action is finished and
 * at least one was done.
 */
export function nonconformityStatusFor(
  actions: readonly CorrectiveActionStatus[],
): Exclude<NonconformityStatus, "closed"> {
  const live = actions.filter((status) => status !== "cancelled");
  if (live.length === 0) return "open";
  if (live.some((status) => status === "open" || status === "in_progress")) return "action_planned";
  return "awaiting_check";
}

/**
 * What still stands between a nonconformity and closing, in plain words; empty once closed. An
 * effectiveness check (the last step) can be recorded only when this names nothing but the check.
 */
export function missingBeforeClosing(
  status: NonconformityStatus,
  actions: readonly CorrectiveActionStatus[],
): string[] {
  if (status === "closed") return [];
  const unfinished = actions.filter((s) => s === "open" || s === "in_progress").length;
  const done = actions.filter((s) => s === "done").length;
  const missing: string[] = [];
  if (actions.length === 0 || (unfinished === 0 && done === 0)) missing.push("a corrective action that is done");
  if (unfinished > 0)
    missing.push(
      unfinished === 1
        ? "its unfinished corrective action done or cancelled"
        : `its ${unfinished} unfinished corrective actions done or cancelled`,
    );
  missing.push("an effectiveness check with the result effective");
  return missing;
}

const improvementNamed = (status: ImprovementStatus) => labelOf("improvementStatus", status).toLowerCase();

/** Whether an improvement may move from `from` to `to`; if not, a refusal naming the allowed steps. */
export function checkImprovementTransition(
  from: ImprovementStatus,
  to: ImprovementStatus,
): { ok: true } | { ok: false; reason: string; allowed: readonly ImprovementStatus[] } {
  if (from === to) return { ok: true };
  const allowed = improvementSteps[from];
  if (allowed.includes(to)) return { ok: true };
  const reason =
    allowed.length === 0
      ? `This improvement is ${improvementNamed(from)} and can no longer change status; log a new one instead.`
      : `An improvement that is ${improvementNamed(from)} can move to ${allowed.map(improvementNamed).join(", ")}, not to ${improvementNamed(to)}.`;
  return { ok: false, reason, allowed };
}
