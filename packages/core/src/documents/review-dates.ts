/** Today as 'YYYY-MM-DD' in UTC, the form date columns use. */
export function isoDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** A 'YYYY-MM-DD' date plus whole months, kept within the month (31 January + 1 month → 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return isoDate(target);
}

/** How long an approved document stays current unless a review date is given. */
export const DEFAULT_REVIEW_MONTHS = 12;

/** The dates an approval sets: given ones first, then the draft's, then today and a year on. */
export function approvalDates(input: {
  today: string;
  requested: { effectiveDate?: string | undefined; nextReviewDate?: string | undefined };
  draft: { effectiveDate: string | null; nextReviewDate: string | null };
}): { effectiveDate: string; nextReviewDate: string } {
  const effectiveDate = input.requested.effectiveDate ?? input.draft.effectiveDate ?? input.today;
  const nextReviewDate =
    input.requested.nextReviewDate ?? input.draft.nextReviewDate ?? addMonths(effectiveDate, DEFAULT_REVIEW_MONTHS);
  return { effectiveDate, nextReviewDate };
}

/** A message when the next review does not come after the effective date, else null. */
export function checkReviewDates(effectiveDate: string | null, nextReviewDate: string | null): string | null {
  if (effectiveDate && nextReviewDate && nextReviewDate <= effectiveDate)
    return "The next review date must come after the effective date.";
  return null;
}

/** True when a review date has passed. Dates compare as strings because they are all 'YYYY-MM-DD'. */
export function isReviewOverdue(nextReviewDate: string | null, today: string): boolean {
  return nextReviewDate !== null && nextReviewDate < today;
}
