import { randomBytes, randomUUID } from "node:crypto";
import type { CalendarFeedStatus, Routes } from "@openaims/contracts";
import { hashSecret, todayUtc } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError } from "../http/app-error.js";
import { type Handler, RawResponse } from "../http/handler-context.js";
import { AnonymousReportLimiter } from "../incidents/concern-rate-limit.js";
import { calendarOf } from "./calendar-ics.js";
import { listDueItems } from "./due-items.js";

/** Feed reads one client may make per minute: calendar programs poll every few minutes at most. */
const feedReads = new AnonymousReportLimiter(60, 60_000);

/** The feed's URL for a token, as calendar programs subscribe to it. */
function feedUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/api/v1/calendar/${token}.ics`;
}

async function feedStatus(db: Kysely<Database>, orgId: string, memberId: string): Promise<CalendarFeedStatus> {
  const row = await db
    .selectFrom("calendar_feeds")
    .select(["created_at", "last_used_at"])
    .where("org_id", "=", orgId)
    .where("member_id", "=", memberId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return {
    active: row !== undefined,
    createdAt: row?.created_at.toISOString() ?? null,
    lastUsedAt: row?.last_used_at?.toISOString() ?? null,
  };
}

export const getCalendarFeed: Handler<Routes["getCalendarFeed"]> = async ({ tx, org }) =>
  feedStatus(tx, org.orgId, org.membershipId);

/** Revokes the member's feed, if any, without an audit entry when there was none. */
async function revokeFeeds(db: Kysely<Database>, orgId: string, memberId: string): Promise<number> {
  const result = await db
    .updateTable("calendar_feeds")
    .set({ revoked_at: new Date() })
    .where("org_id", "=", orgId)
    .where("member_id", "=", memberId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Creates the member's calendar feed, revoking the one before: the new secret URL is in this answer
 * only; the database keeps the SHA-256 of its token.
 */
export const createCalendarFeed: Handler<Routes["createCalendarFeed"]> = async ({ tx, org, deps, audit }) => {
  const replaced = await revokeFeeds(tx, org.orgId, org.membershipId);
  const token = randomBytes(32).toString("base64url");
  const id = randomUUID();
  const row = await tx
    .insertInto("calendar_feeds")
    .values({ id, org_id: org.orgId, member_id: org.membershipId, token_hash: hashSecret(token) })
    .returning("created_at")
    .executeTakeFirstOrThrow();
  await audit({
    action: replaced > 0 ? "calendar_feed.replaced" : "calendar_feed.created",
    entityType: "calendar_feed",
    entityId: id,
    changes: { member: { before: null, after: org.membershipId } },
  });
  return {
    active: true,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: null,
    url: feedUrl(deps.config.publicUrl, token),
  };
};

export const revokeCalendarFeed: Handler<Routes["revokeCalendarFeed"]> = async ({ tx, org, audit }) => {
  if ((await revokeFeeds(tx, org.orgId, org.membershipId)) > 0)
    await audit({
      action: "calendar_feed.revoked",
      entityType: "calendar_feed",
      entityId: null,
      changes: { member: { before: org.membershipId, after: null } },
    });
  return feedStatus(tx, org.orgId, org.membershipId);
};

/**
 * The public feed: the member's dated work as iCalendar. A revoked, replaced or unknown token, or one
 * of a member who left, answers the same 404, so the answer never tells which. Reads are limited per
 * client like the other public routes.
 */
export const readCalendarFeed: Handler<Routes["readCalendarFeed"]> = async ({ tx, input, request, deps }) => {
  if (!feedReads.allow(request.ip))
    throw new AppError("rate_limited", "Too many calendar requests from your network; try again in a minute.");
  const token = input.params.feed.slice(0, -".ics".length);
  const feed = await tx
    .selectFrom("calendar_feeds as f")
    .innerJoin("memberships as m", "m.id", "f.member_id")
    .innerJoin("organizations as o", "o.id", "f.org_id")
    .select(["f.id", "f.org_id", "f.member_id", "o.name"])
    .where("f.token_hash", "=", hashSecret(token))
    .where("f.revoked_at", "is", null)
    .where("m.archived_at", "is", null)
    .where("o.archived_at", "is", null)
    .executeTakeFirst();
  if (!feed)
    throw new AppError("not_found", "This calendar feed does not exist. Create a new one on your account page.");
  const now = new Date();
  await tx.updateTable("calendar_feeds").set({ last_used_at: now }).where("id", "=", feed.id).execute();
  const items = await listDueItems(tx, feed.org_id, { memberId: feed.member_id, today: todayUtc(now) });
  const body = calendarOf({ orgId: feed.org_id, orgName: feed.name, items, publicUrl: deps.config.publicUrl, now });
  return new RawResponse("text/calendar; charset=utf-8", body, undefined, { "cache-control": "private, max-age=300" });
};
