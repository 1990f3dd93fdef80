import { type IncidentStatus, labelOf } from "@openaims/contracts";

/**
 * The steps an incident may take from each status: triage what was reported; contain it, or
 * resolve it at once when nothing needs containing; resolve what is contained; close what is
 * resolved, or go back to containment when it recurs before closing. A closed incident stays closed;
 * a recurrence is a new incident linked to it.
 */
export const incidentSteps: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  reported: ["triaged"],
  triaged: ["contained", "resolved"],
  contained: ["resolved"],
  resolved: ["closed", "contained"],
  closed: [],
};

const named = (status: IncidentStatus) => labelOf("incidentStatus", status).toLowerCase();

/** Whether an incident may move from `from` to `to`; if not, a refusal that names the allowed steps. */
export function checkIncidentTransition(
  from: IncidentStatus,
  to: IncidentStatus,
): { ok: true } | { ok: false; reason: string; allowed: readonly IncidentStatus[] } {
  const allowed = incidentSteps[from];
  if (allowed.includes(to)) return { ok: true };
  const reason =
    allowed.length === 0
      ? `The incident is ${named(from)} and can no longer change status; report a new incident and link this one.`
      : `An incident that is ${named(from)} can move to ${allowed.map(named).join(" or ")}, not to ${named(to)}.`;
  return { ok: false, reason, allowed };
}
