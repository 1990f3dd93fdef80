/** The instant a pack reads the records as of, or why the value cannot be one. */
export type AsOfResult = { ok: true; asOf: Date } | { ok: false; message: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the as-of value of a pack: nothing means now; a date (YYYY-MM-DD) means the end of that day
 * in UTC, or now while that day is not over; a timestamp means that instant, and may not lie in the
 * future (a pack cannot report records that do not exist yet).
 */
export function resolveAsOf(value: string | undefined, now: Date): AsOfResult {
  if (value === undefined) return { ok: true, asOf: now };
  if (DATE_ONLY.test(value)) {
    const endOfDay = new Date(`${value}T23:59:59.999Z`);
    if (Number.isNaN(endOfDay.getTime()) || dayOf(endOfDay) !== value)
      return { ok: false, message: "is not a calendar date" };
    return { ok: true, asOf: endOfDay.getTime() > now.getTime() ? now : endOfDay };
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return { ok: false, message: "is not a date or a timestamp" };
  if (instant.getTime() > now.getTime()) return { ok: false, message: "must not be in the future" };
  return { ok: true, asOf: instant };
}

/** The calendar day (UTC, YYYY-MM-DD) of an instant: what due dates and expiry dates are compared with. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
