import { z } from "zod";

/** Ratings a risk method's matrix produces, lowest first. */
export const riskRatings = ["low", "medium", "high", "critical"] as const;
export const riskRatingSchema = z.enum(riskRatings, { message: "must be low, medium, high or critical" });
export type RiskRating = z.infer<typeof riskRatingSchema>;

/** A risk is open unless closed (or archived). */
export const riskStatuses = ["identified", "assessed", "treating", "accepted", "closed"] as const;
export const riskStatusSchema = z.enum(riskStatuses, {
  message: `must be one of: ${riskStatuses.join(", ")}`,
});
export type RiskStatus = z.infer<typeof riskStatusSchema>;

export const treatmentOptions = ["modify", "avoid", "share", "retain"] as const;
export const treatmentOptionSchema = z.enum(treatmentOptions, {
  message: `must be one of: ${treatmentOptions.join(", ")}`,
});
export type TreatmentOption = z.infer<typeof treatmentOptionSchema>;
