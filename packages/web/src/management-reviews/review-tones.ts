import type { ManagementReviewStatus, ReviewActionStatus } from "@openaims/contracts";
import type { Tone } from "../ui/status-tones";

/** Planned and waiting, under way, done, set aside. */
export const reviewStatusTone: Record<ManagementReviewStatus, Tone> = {
  planned: "review",
  in_progress: "progress",
  closed: "success",
  cancelled: "neutral",
};

export const reviewActionTone: Record<ReviewActionStatus, Tone> = {
  open: "attention",
  in_progress: "progress",
  done: "success",
  cancelled: "neutral",
};
