import type {
  CorrectiveActionStatus,
  ImprovementStatus,
  NonconformitySeverity,
  NonconformityStatus,
} from "@openaims/contracts";
import type { Tone } from "../ui/status-tones";

/** Still to act on, under way, waiting for the check by someone else, done. */
export const statusTone: Record<NonconformityStatus, Tone> = {
  open: "attention",
  action_planned: "progress",
  awaiting_check: "review",
  closed: "success",
};

export const severityTone: Record<NonconformitySeverity, Tone> = { minor: "attention", major: "danger" };

export const actionTone: Record<CorrectiveActionStatus, Tone> = {
  open: "attention",
  in_progress: "progress",
  done: "success",
  cancelled: "neutral",
};

export const improvementTone: Record<ImprovementStatus, Tone> = {
  proposed: "review",
  planned: "progress",
  done: "success",
  declined: "neutral",
};
