import type { RiskRating, RiskStatus, TreatmentActionStatus, TreatmentOption } from "@openaims/contracts";
import { needsTreatment } from "./risk-assessment.js";

/** Why a risk may not move to a status; null when it may. */
export type RiskStatusRefusal = "accept_through_acceptance" | "needs_rating" | "needs_treatment_option" | null;

/**
 * Status changes made by editing a risk. "accepted" is reached only by recording an acceptance (who,
 * why, until when); "assessed" needs an inherent rating and "treating" a chosen treatment option.
 * Every other move, including reopening a closed risk, is allowed.
 */
export function checkRiskStatusChange(input: {
  from: RiskStatus;
  to: RiskStatus;
  hasInherentRating: boolean;
  treatmentOption: TreatmentOption | null;
}): RiskStatusRefusal {
  if (input.to === input.from) return null;
  if (input.to === "accepted") return "accept_through_acceptance";
  if ((input.to === "assessed" || input.to === "treating") && !input.hasInherentRating) return "needs_rating";
  if (input.to === "treating" && input.treatmentOption === null) return "needs_treatment_option";
  return null;
}

/**
 * Whether a risk still waits for someone to treat it: its current rating is above what the method
 * accepts without treatment, it is neither accepted nor closed, and no treatment is under way. A
 * chosen treatment option with at least one action that is not cancelled counts as under way, so
 * the register does not flag a risk whose owner is already treating it.
 */
export function riskNeedsTreatment(input: {
  status: RiskStatus;
  currentRating: RiskRating | null;
  acceptableWithoutTreatment: RiskRating;
  treatmentOption: TreatmentOption | null;
  /** Treatment actions of the risk that are not cancelled (open, in progress or done). */
  liveTreatmentActions: number;
}): boolean {
  if (input.status === "accepted" || input.status === "closed") return false;
  if (input.treatmentOption !== null && input.liveTreatmentActions > 0) return false;
  return needsTreatment({ acceptableWithoutTreatment: input.acceptableWithoutTreatment }, input.currentRating);
}

/** The status a risk starts in: assessed once it has an inherent rating, identified before. */
export function initialRiskStatus(hasInherentRating: boolean): RiskStatus {
  return hasInherentRating ? "assessed" : "identified";
}

/** Open and in-progress actions can move anywhere; done and cancelled are final. */
export function treatmentActionTransitionAllowed(from: TreatmentActionStatus, to: TreatmentActionStatus): boolean {
  if (from === to) return true;
  return from === "open" || from === "in_progress";
}

/** An acceptance covers its risk through its expiry date, inclusive. Dates are 'YYYY-MM-DD'. */
export function acceptanceExpired(expiresOn: string, today: string): boolean {
  return expiresOn < today;
}

/** Today's date as 'YYYY-MM-DD' in UTC, the calendar the server judges expiry by. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
