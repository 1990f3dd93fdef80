import { z } from "zod";
import { idSchema } from "../common.js";
import { reminderKindSchema } from "./reminder-kinds.js";

/**
 * Why a reminder was raised: work due within the next days, work past its date, or undated work
 * waiting (an approval). Each occasion of a record reminds a member once.
 */
export const reminderOccasionKinds = ["due_soon", "overdue", "waiting"] as const;
export const reminderOccasionKindSchema = z.enum(reminderOccasionKinds);
export type ReminderOccasionKind = z.infer<typeof reminderOccasionKindSchema>;

/** A reminder raised for a member, as the organisation's reminder log lists it. */
export const reminderSchema = z.object({
  id: idSchema,
  memberId: idSchema,
  /** The member's name, for the log. */
  memberName: z.string(),
  kind: reminderKindSchema,
  recordType: z.string(),
  recordId: idSchema,
  ref: z.string().nullable(),
  /** The occasion key: `due-soon:<date>`, `overdue:<date>` or `waiting`. */
  occasion: z.string(),
  occasionKind: reminderOccasionKindSchema,
  title: z.string(),
  /** The page that deals with it, below /o/:orgId. */
  path: z.string(),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
});
export type Reminder = z.infer<typeof reminderSchema>;

export const reminderListQuerySchema = z.object({
  memberId: idSchema.optional(),
  kind: reminderKindSchema.optional(),
});

/** What a reminder scan did. */
export const reminderScanSchema = z.object({
  /** The day the scan judged due dates by, 'YYYY-MM-DD' (UTC). */
  today: z.string(),
  /** Due items worth a reminder today (dated work within its lead time, undated work), across all members. */
  dueItems: z.number().int(),
  /** Reminders raised now; items already reminded of for the same occasion are not counted. */
  raised: z.number().int(),
});
export type ReminderScan = z.infer<typeof reminderScanSchema>;

export const jobStatuses = ["queued", "running", "done", "dead"] as const;
export const jobStatusSchema = z.enum(jobStatuses);
export type JobStatus = z.infer<typeof jobStatusSchema>;

/** How the scheduled work of one organisation stands, so an administrator can see it is healthy. */
export const jobSummarySchema = z.object({
  /** Jobs of this organisation by kind and status (done jobs are kept for 14 days). */
  counts: z.array(z.object({ kind: z.string(), status: jobStatusSchema, count: z.number().int() })),
  /** The most recent jobs given up, newest first, with the error of their last attempt. */
  dead: z.array(
    z.object({
      id: idSchema,
      kind: z.string(),
      key: z.string(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      finishedAt: z.string().nullable(),
    }),
  ),
  /** Jobs of this organisation due but not yet picked up; a growing number means no server is working. */
  waiting: z.object({ count: z.number().int(), oldestDueAt: z.string().nullable() }),
  /** The server-wide recurring work and when each last ran. */
  recurring: z.array(
    z.object({
      kind: z.string(),
      everyMinutes: z.number(),
      lastSlot: z.string().nullable(),
      lastStatus: jobStatusSchema.nullable(),
      lastFinishedAt: z.string().nullable(),
    }),
  ),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;
