import { labelOf, type ObjectiveStatus, objectiveStatusSteps } from "@openaims/contracts";

const named = (status: ObjectiveStatus) => labelOf("objectiveStatus", status).toLowerCase();

/** Whether an objective may move from `from` to `to`; if not, a refusal naming the allowed steps. */
export function checkObjectiveStatusTransition(
  from: ObjectiveStatus,
  to: ObjectiveStatus,
): { ok: true } | { ok: false; reason: string; allowed: readonly ObjectiveStatus[] } {
  if (from === to) return { ok: true };
  const allowed = objectiveStatusSteps[from];
  if (allowed.includes(to)) return { ok: true };
  return {
    ok: false,
    reason: `An objective that is ${named(from)} can move to ${allowed.map(named).join(", ")}, not to ${named(to)}.`,
    allowed,
  };
}
