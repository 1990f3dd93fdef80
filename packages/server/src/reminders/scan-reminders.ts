import { randomUUID } from "node:crypto";
import type { DueItem, ReminderKind, ReminderScan } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { deliverReminders } from "../notifications/deliver-reminder.js";
import { listDueItems } from "../notifications/due-items.js";
import { isReminderDue, LONGEST_LEAD_DAYS, reminderOccasion } from "./reminder-occasion.js";

/** Reminders raised per transaction: a large organisation's first scan does not hold one for long. */
const BATCH = 500;

interface Candidate {
  item: DueItem;
  occasion: string;
}

/** Runs `work` in a transaction: a new one per call for scheduled scans, the request's for a scan run by hand. */
export type InTransaction = <T>(work: (tx: Kysely<Database>) => Promise<T>) => Promise<T>;

/**
 * Raises a reminder for each member, record and occasion due in an organisation on `today`, and
 * delivers the new ones (in-app notification, e-mail and webhook jobs) in the transaction that
 * stores them. A reminder that exists already is left alone (`on conflict do nothing`), so scans that
 * run twice, or on two servers at once, raise and deliver each reminder once. Candidates go in a fixed
 * order, so two scans of the same organisation wait on each other rather than deadlock.
 */
export async function scanOrgReminders(
  db: Kysely<Database>,
  orgId: string,
  today: string,
  inTransaction: InTransaction,
): Promise<ReminderScan> {
  const listed = await listDueItems(db, orgId, { today, horizonDays: LONGEST_LEAD_DAYS });
  const items = listed.filter((item) => isReminderDue(item, today));
  const candidates = uniqueCandidates(items, today);
  let raised = 0;
  for (let start = 0; start < candidates.length; start += BATCH) {
    const batch = candidates.slice(start, start + BATCH);
    raised += await inTransaction((tx) => raiseBatch(tx, orgId, batch));
  }
  return { today, dueItems: items.length, raised };
}

function uniqueCandidates(items: DueItem[], today: string): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const item of items) {
    const occasion = reminderOccasion(item, today);
    const key = [item.memberId, item.kind, item.recordId, occasion].join("|");
    if (!byKey.has(key)) byKey.set(key, { item, occasion });
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, candidate]) => candidate);
}

async function raiseBatch(tx: Kysely<Database>, orgId: string, batch: Candidate[]): Promise<number> {
  if (batch.length === 0) return 0;
  const inserted = await tx
    .insertInto("reminders")
    .values(
      batch.map(({ item, occasion }) => ({
        id: randomUUID(),
        org_id: orgId,
        member_id: item.memberId,
        kind: item.kind,
        record_type: item.recordType,
        record_id: item.recordId,
        ref: item.ref,
        occasion,
        title: item.title,
        path: item.path,
        due_date: item.dueDate,
      })),
    )
    .onConflict((oc) => oc.columns(["org_id", "member_id", "kind", "record_id", "occasion"]).doNothing())
    .returning(["id", "member_id", "kind", "record_type", "record_id", "title", "path", "due_date"])
    .execute();
  await deliverReminders(
    tx,
    inserted.map((row) => ({
      id: row.id,
      orgId,
      memberId: row.member_id,
      kind: row.kind as ReminderKind,
      title: row.title,
      path: row.path,
      dueDate: row.due_date,
      recordType: row.record_type,
      recordId: row.record_id,
    })),
  );
  return inserted.length;
}
