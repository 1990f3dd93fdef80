import type { ReminderKind, Routes } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { occasionKindOf, utcDay } from "./reminder-occasion.js";
import { scanOrgReminders } from "./scan-reminders.js";

/**
 * Runs the organisation's reminder scan now, in the request's transaction, and records who ran it.
 * Reminders already raised for the same occasion are not raised again, so running it is always safe.
 */
export const scanReminders: Handler<Routes["scanReminders"]> = async ({ tx, org, audit }) => {
  const scan = await scanOrgReminders(tx, org.orgId, utcDay(new Date()), (work) => work(tx));
  await audit({
    action: "reminders.scanned",
    entityType: "organization",
    entityId: org.orgId,
    changes: { remindersRaised: { before: null, after: scan.raised } },
  });
  return scan;
};

/** The organisation's reminders, newest first, optionally of one member or kind. */
export const listReminders: Handler<Routes["listReminders"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, memberId, kind } = input.query;
  const sort = keysetSort("-createdAt", { createdAt: "r.created_at" }, "r.id");
  const cursor = parseCursor(rawCursor);
  const rows = await tx
    .selectFrom("reminders as r")
    .innerJoin("memberships as m", "m.id", "r.member_id")
    .innerJoin("users as u", "u.id", "m.user_id")
    .selectAll("r")
    .select("u.name as member_name")
    .where("r.org_id", "=", org.orgId)
    .$if(memberId !== undefined, (q) => q.where("r.member_id", "=", memberId as string))
    .$if(kind !== undefined, (q) => q.where("r.kind", "=", kind as string))
    .$if(cursor !== null, (q) => q.where(afterCursor(sort, cursor as NonNullable<typeof cursor>)))
    .orderBy("r.created_at", "desc")
    .orderBy("r.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(
    rows,
    limit,
    (row) => ({ k: cursorValue(row.created_at), id: row.id }),
    (row) => ({
      id: row.id,
      memberId: row.member_id,
      memberName: row.member_name,
      kind: row.kind as ReminderKind,
      recordType: row.record_type,
      recordId: row.record_id,
      ref: row.ref,
      occasion: row.occasion,
      occasionKind: occasionKindOf(row.occasion),
      title: row.title,
      path: row.path,
      dueDate: row.due_date,
      createdAt: row.created_at.toISOString(),
    }),
  );
};
