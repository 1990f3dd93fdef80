import { EARLIEST_TIMESTAMP_MESSAGE, EARLIEST_TIMESTAMP_MS } from "@openaims/contracts";

/** One observation as a client sends it: through the API, or a CSV or JSON Lines row of `aims metric push`. */
export interface ObservationInput {
  metric: unknown;
  value: unknown;
  /** ISO 8601 time with a zone; absent means now. */
  at?: unknown;
}

export interface CheckedObservation {
  metricId: string;
  value: number;
  at: Date;
}

/** What is wrong with one row, by its 1-based number and the field at fault. */
export interface ObservationProblem {
  row: number;
  field: "metric" | "value" | "at";
  message: string;
}

export type ObservationBatch =
  | { ok: true; observations: CheckedObservation[] }
  | { ok: false; problems: ObservationProblem[] };

/** Clocks differ a little; an observation up to this far ahead of the server's clock is accepted. */
export const FUTURE_TOLERANCE_MINUTES = 5;

const ISO_WITH_ZONE = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)$/;

/** Whether the date and clock fields exist (no 30 February, no 24:00), which `Date` would roll over. */
function isCalendarTime(text: string): boolean {
  const [year, month, day, hour, minute, second] = [0, 5, 8, 11, 14, 17].map((at) =>
    Number(text.slice(at, at + (at === 0 ? 4 : 2))),
  ) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const hasSeconds = text[16] === ":";
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    (!hasSeconds || second <= 59)
  );
}

function readValue(value: unknown): number | string {
  if (typeof value === "number") return Number.isFinite(value) ? value : "must be a finite number";
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value.trim());
    if (Number.isFinite(parsed)) return parsed;
    return `must be a finite number, not "${value.trim().slice(0, 40)}"`;
  }
  return "must be a number";
}

function readTime(at: unknown, now: Date): Date | string {
  if (at === undefined || at === null || at === "") return now;
  if (typeof at !== "string" || !ISO_WITH_ZONE.test(at.trim()))
    return "must be an ISO 8601 time with a time zone, such as 2026-12-01T09:30:00Z";
  const time = new Date(at.trim());
  if (Number.isNaN(time.getTime()) || !isCalendarTime(at.trim())) return "is not a real date and time";
  if (time.getTime() < EARLIEST_TIMESTAMP_MS) return EARLIEST_TIMESTAMP_MESSAGE;
  const ahead = time.getTime() - now.getTime();
  if (ahead > FUTURE_TOLERANCE_MINUTES * 60_000)
    return `is ${Math.ceil(ahead / 60_000)} minutes ahead of the server's clock; observations cannot come from the future`;
  return time;
}

/**
 * Checks a batch of observations against the metrics of a system (`metricIds`, by name or by
 * name in lower case, for names that are unique whatever their case) as one:
 * every row is checked, and either all are accepted or the problems of every bad row are returned
 * so that nothing of the batch is stored.
 */
export function checkObservationBatch(
  rows: readonly ObservationInput[],
  metricIds: ReadonlyMap<string, string>,
  now: Date,
): ObservationBatch {
  const observations: CheckedObservation[] = [];
  const problems: ObservationProblem[] = [];
  rows.forEach((input, index) => {
    const row = index + 1;
    const name = typeof input.metric === "string" ? input.metric.trim() : "";
    const metricId = metricIds.get(name) ?? metricIds.get(name.toLowerCase());
    if (!metricId)
      problems.push({
        row,
        field: "metric",
        message: name ? `no metric named "${name.slice(0, 80)}" is defined for this system` : "must name a metric",
      });
    const value = readValue(input.value);
    if (typeof value === "string") problems.push({ row, field: "value", message: value });
    const at = readTime(input.at, now);
    if (typeof at === "string") problems.push({ row, field: "at", message: at });
    if (metricId && typeof value === "number" && at instanceof Date) observations.push({ metricId, value, at });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, observations };
}
