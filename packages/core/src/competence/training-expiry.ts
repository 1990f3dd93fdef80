/**
 * A 'YYYY-MM-DD' date plus whole months, kept to the last day of a shorter month (31 January plus
 * one month is 28 or 29 February), as PostgreSQL adds months.
 */
export function addMonthsToDate(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The course name as requirements and records are matched: case and surrounding spaces aside. */
export function courseKey(course: string): string {
  return course.trim().toLowerCase();
}

/**
 * When a completion stops counting if the record does not say: the completion date plus the
 * shortest renewal period among the requirements for its course; null when none asks for renewal.
 */
export function defaultTrainingExpiry(completedOn: string, renewalMonths: readonly (number | null)[]): string | null {
  const periods = renewalMonths.filter((months): months is number => months !== null);
  if (periods.length === 0) return null;
  return addMonthsToDate(completedOn, Math.min(...periods));
}

/** A training record's validity on `today`: expired from its expiry date, expiring within `soonDays`. */
export function trainingValidity(
  expiresOn: string | null,
  today: string,
  soonDays: number,
): "current" | "expiring" | "expired" {
  if (expiresOn === null) return "current";
  if (expiresOn <= today) return "expired";
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + soonDays * 86_400_000).toISOString().slice(0, 10);
  return expiresOn <= soon ? "expiring" : "current";
}
