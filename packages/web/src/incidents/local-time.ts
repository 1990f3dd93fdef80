/**
 * A `datetime-local` input's value ("2026-05-01T09:30", the reader's own time zone) as an ISO time,
 * or the text unchanged when it is not a time, so the contract's check names the field.
 */
export function isoFromLocal(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** An ISO time as a `datetime-local` value in the reader's time zone, to the minute. */
export function localFromIso(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
