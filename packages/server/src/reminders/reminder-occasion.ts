import type { DueItem, ReminderKind, ReminderOccasionKind } from "@openaims/contracts";

/** Days before its date that dated work is reminded of. */
export const DUE_SOON_DAYS = 7;
/** Evidence and training are reminded of a month before they run out: renewing them takes longer. */
const LEAD_DAYS: Partial<Record<ReminderKind, number>> = { evidence_expiry: 30, training_expiry: 30 };
/** The longest lead of any kind: how far ahead a scan lists due work. */
export const LONGEST_LEAD_DAYS = Math.max(DUE_SOON_DAYS, ...Object.values(LEAD_DAYS));

/** Whether a due item is worth a reminder on `today`: undated work always, dated work from its lead time on. */
export function isReminderDue(item: Pick<DueItem, "kind" | "dueDate">, today: string): boolean {
  if (item.dueDate === null) return true;
  const lead = LEAD_DAYS[item.kind] ?? DUE_SOON_DAYS;
  return item.dueDate <= addDays(today, lead);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The occasion a due item reminds its member of, and so how often: once while it is due soon
 * (`due-soon:<date>`), once when it is overdue (`overdue:<date>`), and once for undated work waiting
 * (`waiting`). A new due date is a new occasion; nothing is reminded of every day.
 */
export function reminderOccasion(item: Pick<DueItem, "dueDate" | "overdue">, today: string): string {
  if (item.dueDate === null) return "waiting";
  return item.overdue || item.dueDate < today ? `overdue:${item.dueDate}` : `due-soon:${item.dueDate}`;
}

/** The kind of an occasion key, for labels and filters. */
export function occasionKindOf(occasion: string): ReminderOccasionKind {
  if (occasion.startsWith("overdue:")) return "overdue";
  if (occasion.startsWith("due-soon:")) return "due_soon";
  return "waiting";
}

/** The day of `now` in UTC, 'YYYY-MM-DD': the day a scan judges due dates by. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
