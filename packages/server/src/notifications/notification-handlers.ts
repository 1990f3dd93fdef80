import type { Notification, Routes } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Selectable, type SqlBool, sql } from "kysely";
import { notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { pageOf, parseCursor } from "../http/keyset.js";

type NotificationRow = Selectable<Database["notifications"]>;

function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    path: row.path,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

/** 0 for unread, 1 for read: unread notifications sort first. */
const readRank = sql<number>`(case when read_at is null then 0 else 1 end)`;

/**
 * The member's notifications, unread first and newest first within each; keyset pages whose cursor
 * holds the read rank and the creation time (`0|2026-12-07T10:00:00.000Z`) and the id.
 */
export const listNotifications: Handler<Routes["listNotifications"]> = async ({ tx, org, input }) => {
  const { limit, cursor: raw, unread } = input.query;
  const cursor = parseCursor(raw);
  let query = tx
    .selectFrom("notifications")
    .selectAll()
    .where("org_id", "=", org.orgId)
    .where("member_id", "=", org.membershipId)
    .$if(unread, (qb) => qb.where("read_at", "is", null));
  if (cursor) {
    const match = typeof cursor.k === "string" ? /^([01])\|(.+)$/.exec(cursor.k) : null;
    const at = match?.[2] ? new Date(match[2]) : null;
    if (!match || !at || Number.isNaN(at.getTime()))
      throw invalidField("query.cursor", "is not a position in this list; load the list again", "Page");
    const rank = Number(match[1]);
    query = query.where(
      sql<SqlBool>`(${readRank} > ${rank} or (${readRank} = ${rank} and (created_at < ${at} or (created_at = ${at} and id < ${String(cursor.id)}))))`,
    );
  }
  const rows = await query
    .orderBy(readRank)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(
    rows,
    limit,
    (row) => ({ k: `${row.read_at ? 1 : 0}|${row.created_at.toISOString()}`, id: row.id }),
    presentNotification,
  );
};

export const countUnreadNotifications: Handler<Routes["countUnreadNotifications"]> = async ({ tx, org }) => {
  const row = await tx
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<string>().as("unread"))
    .where("org_id", "=", org.orgId)
    .where("member_id", "=", org.membershipId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return { unread: Number(row.unread) };
};

/**
 * Marks one of the member's notifications read (again: no change). Another member's notification is
 * not found. Reading a notification is the member's own state, not a change to the management system,
 * so it is not in the audit trail.
 */
export const markNotificationRead: Handler<Routes["markNotificationRead"]> = async ({ tx, org, input }) => {
  const row = await tx
    .updateTable("notifications")
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where("org_id", "=", org.orgId)
    .where("member_id", "=", org.membershipId)
    .where("id", "=", input.params.notificationId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound("Notification", input.params.notificationId);
  return presentNotification(row);
};

export const markAllNotificationsRead: Handler<Routes["markAllNotificationsRead"]> = async ({ tx, org }) => {
  const result = await tx
    .updateTable("notifications")
    .set({ read_at: new Date() })
    .where("org_id", "=", org.orgId)
    .where("member_id", "=", org.membershipId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return { marked: Number(result.numUpdatedRows) };
};
