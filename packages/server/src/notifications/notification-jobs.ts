import type { ReminderKind } from "@openaims/contracts";
import { todayUtc } from "@openaims/core";
import type { ClaimedJob, JobContext, JobHandler } from "../jobs/job-types.js";
import { PermanentJobError } from "../jobs/job-types.js";
import { attemptWebhookDelivery } from "./attempt-webhook-delivery.js";
import { EMAIL_REMINDER_JOB, WEBHOOK_DELIVER_JOB } from "./deliver-reminder.js";
import { reminderEmail } from "./reminder-email.js";

/**
 * Mails a reminder to its member, unless they turned reminder e-mail off in that organisation, left
 * it, or the server has no SMTP server: those are done, not failed. A send that fails is retried.
 */
export const emailReminder: JobHandler = async (job: ClaimedJob, ctx: JobContext) => {
  const reminderId = stringField(job, "reminderId");
  // Without an SMTP server there is nothing to send, and nothing to read for it.
  if (!ctx.mailer.enabled) return;
  const row = await ctx.db
    .selectFrom("reminders as r")
    .innerJoin("memberships as m", "m.id", "r.member_id")
    .innerJoin("users as u", "u.id", "m.user_id")
    .innerJoin("organizations as o", "o.id", "r.org_id")
    .select([
      "r.id",
      "r.org_id",
      "r.kind",
      "r.title",
      "r.ref",
      "r.path",
      "r.due_date",
      "m.archived_at",
      "m.email_reminders",
      "u.email",
      "u.name",
      "o.name as org_name",
    ])
    .where("r.id", "=", reminderId)
    .executeTakeFirst();
  if (!row) throw new PermanentJobError(`Reminder ${reminderId} does not exist.`);
  if (row.archived_at || !row.email_reminders) return;
  await ctx.mailer.send(
    reminderEmail({
      reminderId: row.id,
      orgId: row.org_id,
      orgName: row.org_name,
      to: row.email,
      memberName: row.name,
      kind: row.kind as ReminderKind,
      title: row.title,
      ref: row.ref,
      path: row.path,
      dueDate: row.due_date,
      today: todayUtc(),
      publicUrl: ctx.config.publicUrl,
    }),
  );
};

/** One attempt at a webhook delivery; a failed attempt throws so the job comes back with back-off. */
export const deliverWebhook: JobHandler = async (job: ClaimedJob, ctx: JobContext) => {
  const deliveryId = stringField(job, "deliveryId");
  const result = await attemptWebhookDelivery(
    { db: ctx.db, secrets: ctx.secrets, config: ctx.config, signal: ctx.signal },
    deliveryId,
    job.attempt >= job.maxAttempts,
  );
  if (result.kind === "missing") throw new PermanentJobError(`Webhook delivery ${deliveryId} does not exist.`);
  if (result.kind === "attempted" && !result.outcome.ok)
    throw result.permanent ? new PermanentJobError(result.outcome.error) : new Error(result.outcome.error);
};

function stringField(job: ClaimedJob, name: string): string {
  const value = job.payload[name];
  if (typeof value !== "string") throw new PermanentJobError(`The ${job.kind} job has no ${name}.`);
  return value;
}

/** Jobs that deliver notifications: reminder e-mail and webhook calls. */
export const notificationJobHandlers: Record<string, JobHandler> = {
  [EMAIL_REMINDER_JOB]: emailReminder,
  [WEBHOOK_DELIVER_JOB]: deliverWebhook,
};
