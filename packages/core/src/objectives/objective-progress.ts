import type { ObjectiveDirection, ObjectiveState } from "@openaims/contracts";

/** How far behind a straight line from start to due date an objective may fall before it is at risk. */
export const AT_RISK_TOLERANCE_POINTS = 10;

const DAY_MS = 24 * 60 * 60_000;

/** Whether a value meets the target in the objective's direction. */
export function meetsTarget(value: number, target: number, direction: ObjectiveDirection): boolean {
  return direction === "increase" ? value >= target : value <= target;
}

/**
 * Progress from baseline to target as 0–100, in either direction; null without a baseline or a
 * value. A value past the target counts 100, one on the wrong side of the baseline 0. When the
 * baseline already is the target, the objective is either met (100) or not (0).
 */
export function objectiveProgressPercent(input: {
  baseline: number | null;
  target: number;
  direction: ObjectiveDirection;
  value: number | null;
}): number | null {
  const { baseline, target, direction, value } = input;
  if (value === null || baseline === null) return null;
  if (meetsTarget(value, target, direction)) return 100;
  const span = target - baseline;
  if (span === 0) return 0;
  const fraction = (value - baseline) / span;
  return Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 10;
}

/** The end of a 'YYYY-MM-DD' due date: an objective due today is not late until the day is over. */
function endOfDay(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`) + DAY_MS;
}

/**
 * Where an objective stands at `asOf`:
 * - achieved when the latest value meets the target;
 * - missed when the due date has passed without that (also with no value at all);
 * - no_data when nothing has been read yet;
 * - at_risk when progress lags a straight line from the start (`startedAt`) to the due date by
 *   more than AT_RISK_TOLERANCE_POINTS;
 * - on_track otherwise (also when lag cannot be judged: no baseline or no due date).
 */
export function objectiveStateAt(input: {
  baseline: number | null;
  target: number;
  direction: ObjectiveDirection;
  value: number | null;
  dueDate: string | null;
  startedAt: Date;
  asOf: Date;
}): ObjectiveState {
  const { value, dueDate, asOf } = input;
  if (value !== null && meetsTarget(value, input.target, input.direction)) return "achieved";
  if (dueDate !== null && asOf.getTime() >= endOfDay(dueDate)) return "missed";
  if (value === null) return "no_data";
  const progress = objectiveProgressPercent(input);
  if (progress === null || dueDate === null) return "on_track";
  const start = input.startedAt.getTime();
  const end = endOfDay(dueDate);
  if (end <= start) return "on_track";
  const expected = Math.min(1, Math.max(0, (asOf.getTime() - start) / (end - start))) * 100;
  return progress + AT_RISK_TOLERANCE_POINTS < expected ? "at_risk" : "on_track";
}

/**
 * Whether the target lies in the objective's direction from the baseline; a refusal in words
 * otherwise (an increase to a lower number cannot be measured as progress).
 */
export function checkObjectiveTarget(input: {
  baseline: number | null;
  target: number;
  direction: ObjectiveDirection;
}): { ok: true } | { ok: false; reason: string } {
  const { baseline, target, direction } = input;
  if (baseline === null) return { ok: true };
  if (direction === "increase" && target < baseline)
    return { ok: false, reason: "must be at or above the baseline for an objective to reach at least the target" };
  if (direction === "decrease" && target > baseline)
    return { ok: false, reason: "must be at or below the baseline for an objective to stay at or below the target" };
  return { ok: true };
}
