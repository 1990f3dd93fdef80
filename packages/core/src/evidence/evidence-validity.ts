const DAY_MS = 24 * 60 * 60 * 1000;

/** Evidence that stops being valid within this many days is flagged as expiring soon. */
export const EXPIRING_SOON_DAYS = 30;

/** Why a piece of evidence has the expiry it has. */
export type ValidityBasis = "explicit" | "control_freshness" | "none";

/**
 * When a piece of evidence stops being valid. A date someone gave wins; otherwise the linked
 * controls' freshness periods decide, the shortest one winning because the evidence must satisfy
 * every control it is linked to; with neither, it does not expire.
 */
export function deriveValidUntil(input: {
  collectedAt: Date;
  /** A date someone set on the evidence, or null to derive it. */
  explicitValidUntil: Date | null;
  /** `evidence_freshness_days` of each linked control; null where a control sets none. */
  freshnessDays: readonly (number | null)[];
}): { validUntil: Date | null; basis: ValidityBasis } {
  if (input.explicitValidUntil) return { validUntil: input.explicitValidUntil, basis: "explicit" };
  const periods = input.freshnessDays.filter((days): days is number => days !== null && days > 0);
  if (periods.length === 0) return { validUntil: null, basis: "none" };
  const shortest = Math.min(...periods);
  return { validUntil: new Date(input.collectedAt.getTime() + shortest * DAY_MS), basis: "control_freshness" };
}

/** Whether evidence is still valid at `now`, and whether it stops being valid within `soonDays`. */
export function evidenceValidity(
  validUntil: Date | null,
  now: Date,
  soonDays = EXPIRING_SOON_DAYS,
): { state: "current" | "expired"; expiresSoon: boolean } {
  if (!validUntil) return { state: "current", expiresSoon: false };
  if (validUntil.getTime() <= now.getTime()) return { state: "expired", expiresSoon: false };
  return { state: "current", expiresSoon: validUntil.getTime() <= now.getTime() + soonDays * DAY_MS };
}

/** The instant `days` days after `from`, used as the "expiring soon" horizon in queries. */
export function daysAfter(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

/** Why a collected / valid-until pair is refused, or null when it is acceptable. */
export type EvidenceDateProblem = { field: "collectedAt" | "validUntil"; message: string } | null;

/**
 * Evidence cannot have been collected in the future (a day of slack covers time zones), and an
 * explicit expiry must come after collection.
 */
export function checkEvidenceDates(collectedAt: Date, validUntil: Date | null, now: Date): EvidenceDateProblem {
  if (collectedAt.getTime() > now.getTime() + DAY_MS) {
    return { field: "collectedAt", message: "cannot be in the future" };
  }
  if (validUntil && validUntil.getTime() <= collectedAt.getTime()) {
    return { field: "validUntil", message: "must be after the collected date" };
  }
  return null;
}
