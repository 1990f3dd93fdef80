import { type AlertStatus, labelOf } from "@openaims/contracts";

/**
 * The steps an alert may take: someone acknowledges an open alert while looking into it, and resolves
 * it, acknowledged or not. A resolved alert stays resolved; the next breach raises a new one.
 */
export const alertSteps: Readonly<Record<AlertStatus, readonly AlertStatus[]>> = {
  open: ["acknowledged", "resolved"],
  acknowledged: ["resolved"],
  resolved: [],
};

const named = (status: AlertStatus) => labelOf("alertStatus", status).toLowerCase();

/** Whether an alert may move from `from` to `to`; if not, a refusal that names the allowed steps. */
export function checkAlertTransition(
  from: AlertStatus,
  to: AlertStatus,
): { ok: true } | { ok: false; reason: string; allowed: readonly AlertStatus[] } {
  const allowed = alertSteps[from];
  if (allowed.includes(to)) return { ok: true };
  if (allowed.length === 0)
    return {
      ok: false,
      reason: `The alert is ${named(from)} and can no longer change; a new breach raises a new alert.`,
      allowed,
    };
  return {
    ok: false,
    reason: `An alert that is ${named(from)} can be ${allowed.map(named).join(" or ")}, not ${named(to)}.`,
    allowed,
  };
}
