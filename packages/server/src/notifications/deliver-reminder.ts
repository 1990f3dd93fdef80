import { randomUUID } from "node:crypto";
import type { ReminderKind } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { enqueueJob } from "../jobs/enqueue-job.js";
import { deliveryIdFor } from "./webhook-ids.js";

/** A reminder raised for a member, as the reminder scan stored it. */
export interface ReminderToDeliver {
  id: string;
  orgId: string;
  memberId: string;
  kind: ReminderKind;
  title: string;
  /** The page that deals with it, below /o/:orgId. */
  path: string;
  /** 'YYYY-MM-DD', or null for undated work. */
  dueDate: string | null;
  recordType: string;
  recordId: string;
}

/** The job kinds this module runs. */
export const EMAIL_REMINDER_JOB = "email.reminder";
export const WEBHOOK_DELIVER_JOB = "webhook.deliver";

/**
 * Sends a reminder everywhere it goes, inside the caller's transaction so that it is delivered
 * exactly when the reminder is committed: the in-app notification now, and jobs for the e-mail (keyed
 * by the reminder) and for each enabled webhook subscribed to `reminder.due` (one delivery row and job
 * per webhook, keyed by the delivery). Calling it again for the same reminder adds nothing.
 */
export async function deliverReminder(tx: Kysely<Database>, reminder: ReminderToDeliver): Promise<void> {
  await tx
    .insertInto("notifications")
    .values({
      id: randomUUID(),
      org_id: reminder.orgId,
      member_id: reminder.memberId,
      kind: reminder.kind,
      title: reminder.title,
      body: reminder.dueDate ? `Due on ${reminder.dueDate}.` : "",
      path: reminder.path,
      reminder_id: reminder.id,
    })
    .onConflict((oc) => oc.column("reminder_id").where("reminder_id", "is not", null).doNothing())
    .execute();
  await enqueueJob(tx, {
    kind: EMAIL_REMINDER_JOB,
    key: reminder.id,
    orgId: reminder.orgId,
    payload: { reminderId: reminder.id },
  });
  const webhooks = await tx
    .selectFrom("webhooks")
    .select("id")
    .where("org_id", "=", reminder.orgId)
    .where("enabled", "=", true)
    .where("archived_at", "is", null)
    .where(sql<boolean>`events @> '["reminder.due"]'::jsonb`)
    .execute();
  if (webhooks.length === 0) return;
  const member = await tx
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.name", "u.email"])
    .where("m.id", "=", reminder.memberId)
    .where("m.org_id", "=", reminder.orgId)
    .executeTakeFirst();
  const payload = {
    reminder: {
      id: reminder.id,
      kind: reminder.kind,
      title: reminder.title,
      dueDate: reminder.dueDate,
      recordType: reminder.recordType,
      recordId: reminder.recordId,
      path: reminder.path,
      member: { id: reminder.memberId, name: member?.name ?? null, email: member?.email ?? null },
    },
  };
  for (const webhook of webhooks) {
    const deliveryId = deliveryIdFor(reminder.id, webhook.id);
    const created = await tx
      .insertInto("webhook_deliveries")
      .values({
        id: deliveryId,
        org_id: reminder.orgId,
        webhook_id: webhook.id,
        event: "reminder.due",
        payload: JSON.stringify(payload),
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (created)
      await enqueueJob(tx, {
        kind: WEBHOOK_DELIVER_JOB,
        key: deliveryId,
        orgId: reminder.orgId,
        payload: { deliveryId },
      });
  }
}
