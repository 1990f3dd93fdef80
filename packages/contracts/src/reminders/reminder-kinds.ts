import { z } from "zod";

/**
 * What a reminder or a "my work" item is about. Each names a record a member must act on, usually by
 * a date; the same kinds make up the "My work" list, reminders, notifications and the calendar feed.
 */
export const reminderKinds = [
  "approval",
  "corrective_action",
  "treatment_action",
  "review_action",
  "evidence_expiry",
  "impact_assessment",
  "document_review",
  "management_review",
  "gate_sign_off",
  "audit_item",
  "objective",
  "training_expiry",
  "policy_acknowledgement",
  "metric_missing_data",
  /** A risk past its review date, re-review asked for by a change, or an acceptance that expired. */
  "risk_review",
  /** An AI system past its review date. */
  "system_review",
] as const;
export const reminderKindSchema = z.enum(reminderKinds);
export type ReminderKind = z.infer<typeof reminderKindSchema>;

/** One thing a member should act on, as "My work", reminders and the calendar feed list it. */
export const dueItemSchema = z.object({
  kind: reminderKindSchema,
  recordType: z.string(),
  recordId: z.string().uuid(),
  /** The record's reference (NC-3, MR-1 …) where it has one. */
  ref: z.string().nullable(),
  title: z.string(),
  memberId: z.string().uuid(),
  /** 'YYYY-MM-DD'; null for work without a date (an approval waiting). */
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  /** The page that deals with it, below /o/:orgId. */
  path: z.string(),
});
export type DueItem = z.infer<typeof dueItemSchema>;
