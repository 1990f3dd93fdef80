import type { DueItem, ReminderOccasionKind } from "@openaims/contracts";

/**
 * Days before its date that dated work is reminded of. Evidence and training are listed from 30 days
 * before they run out whatever this says (due-items decides that), because renewing them takes longer.
 */
export const DUE_SOON_DAYS = 7;

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
