import { randomUUID } from "node:crypto";
import type { ReminderKind } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { enqueueJobs } from "../jobs/enqueue-job.js";
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
  await deliverReminders(tx, [reminder]);
}

/** Rows per insert statement: far below PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

/**
 * `deliverReminder` for many reminders in a few statements per organisation rather than several per
 * reminder, for the reminder scan's fan-out. The same rows and jobs, and the same "nothing twice".
 */
export async function deliverReminders(tx: Kysely<Database>, reminders: readonly ReminderToDeliver[]): Promise<void> {
  const byOrg = new Map<string, ReminderToDeliver[]>();
  for (const reminder of reminders) byOrg.set(reminder.orgId, [...(byOrg.get(reminder.orgId) ?? []), reminder]);
  for (const [orgId, ofOrg] of byOrg) {
    for (let start = 0; start < ofOrg.length; start += CHUNK) {
      await deliverInOrganisation(tx, orgId, ofOrg.slice(start, start + CHUNK));
    }
  }
}

async function deliverInOrganisation(tx: Kysely<Database>, orgId: string, reminders: ReminderToDeliver[]) {
  await tx
    .insertInto("notifications")
    .values(
      reminders.map((reminder) => ({
        id: randomUUID(),
        org_id: orgId,
        member_id: reminder.memberId,
        kind: reminder.kind,
        title: reminder.title,
        body: reminder.dueDate ? `Due on ${reminder.dueDate}.` : "",
        path: reminder.path,
        reminder_id: reminder.id,
      })),
    )
    .onConflict((oc) => oc.column("reminder_id").where("reminder_id", "is not", null).doNothing())
    .execute();
  await enqueueJobs(
    tx,
    reminders.map((reminder) => ({
      kind: EMAIL_REMINDER_JOB,
      key: reminder.id,
      orgId,
      payload: { reminderId: reminder.id },
    })),
  );
  const webhooks = await tx
    .selectFrom("webhooks")
    .select("id")
    .where("org_id", "=", orgId)
    .where("enabled", "=", true)
    .where("archived_at", "is", null)
    .where(sql<boolean>`events @> '["reminder.due"]'::jsonb`)
    .execute();
  if (webhooks.length === 0) return;
  const members = await tx
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.id", "u.name", "u.email"])
    .where("m.org_id", "=", orgId)
    .where("m.id", "in", [...new Set(reminders.map((reminder) => reminder.memberId))])
    .execute();
  const memberById = new Map(members.map((member) => [member.id, member]));
  for (const webhook of webhooks) {
    const created = await tx
      .insertInto("webhook_deliveries")
      .values(
        reminders.map((reminder) => {
          const member = memberById.get(reminder.memberId);
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
          return {
            id: deliveryIdFor(reminder.id, webhook.id),
            org_id: orgId,
            webhook_id: webhook.id,
            event: "reminder.due",
            payload: JSON.stringify(payload),
          };
        }),
      )
      .onConflict((oc) => oc.column("id").doNothing())
      .returning("id")
      .execute();
    await enqueueJobs(
      tx,
      created.map(({ id }) => ({ kind: WEBHOOK_DELIVER_JOB, key: id, orgId, payload: { deliveryId: id } })),
    );
  }
}
