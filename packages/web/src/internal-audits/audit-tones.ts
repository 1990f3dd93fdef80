import type { AuditResult, InternalAuditStatus } from "@openaims/contracts";
import type { Tone } from "../ui/status-tones";

/** Planned, under way, being written up, done, set aside. */
export const auditStatusTone: Record<InternalAuditStatus, Tone> = {
  planned: "neutral",
  in_progress: "progress",
  reporting: "review",
  closed: "success",
  cancelled: "neutral",
};

/** What a result asks of the reader: nothing, a look, an action, an urgent action, a chance. */
export const resultTone: Record<AuditResult, Tone> = {
  conforming: "success",
  observation: "review",
  opportunity: "progress",
  minor_nc: "attention",
  major_nc: "danger",
};
