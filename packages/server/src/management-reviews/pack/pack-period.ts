import { type ReviewInputKey, reviewInputs } from "@openaims/contracts";
import { dayOf } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";

/** The earlier review a pack's period starts from. */
export interface PreviousReview {
  id: string;
  ref: string;
  title: string;
  heldOn: string | null;
  closedAt: Date;
  /** The instant its pack read the records as of: where this pack's period starts. */
  packAsOf: Date;
}

/** The span a pack reports on: from the previous closed review's pack (exclusive) to asOf (inclusive). */
export interface PackPeriod {
  orgId: string;
  asOf: Date;
  /** asOf's calendar day (UTC): due dates before it are overdue. */
  day: string;
  since: Date | null;
  previousReview: PreviousReview | null;
  /** The review the pack is compiled for, whose own actions are not "earlier" ones. */
  reviewId: string | null;
}

/**
 * The period of a pack as of `asOf`: it starts where the latest review closed by then (other than
 * the one being compiled) read its records; a review closed without a pack (older data) starts it at
 * its closing. Without an earlier review the period is everything up to asOf.
 */
export async function packPeriod(
  db: Kysely<Database>,
  orgId: string,
  asOf: Date,
  reviewId: string | null,
): Promise<PackPeriod> {
  let query = db
    .selectFrom("management_reviews")
    .select(["id", "ref", "title", "held_on", "closed_at", "pack_as_of"])
    .where("org_id", "=", orgId)
    .where("status", "=", "closed")
    .where("closed_at", "<=", asOf)
    .where("archived_at", "is", null);
  if (reviewId) query = query.where("id", "<>", reviewId);
  const previous = await query.orderBy("closed_at", "desc").orderBy("id", "desc").limit(1).executeTakeFirst();
  const previousReview =
    previous?.closed_at != null
      ? {
          id: previous.id,
          ref: previous.ref,
          title: previous.title,
          heldOn: previous.held_on,
          closedAt: previous.closed_at,
          packAsOf: previous.pack_as_of && previous.pack_as_of <= asOf ? previous.pack_as_of : previous.closed_at,
        }
      : null;
  return { orgId, asOf, day: dayOf(asOf), since: previousReview?.packAsOf ?? null, previousReview, reviewId };
}

/** What every section states about itself: its 9.3.2 item, title, asOf and the start of its period. */
export function sectionHeader(key: ReviewInputKey, period: PackPeriod) {
  const input = reviewInputs.find((candidate) => candidate.key === key);
  if (!input) throw new Error(`Unknown review input ${key}`);
  return {
    clause: input.clause,
    title: input.title,
    asOf: period.asOf.toISOString(),
    since: period.since?.toISOString() ?? null,
  };
}

/** `column` falls in the period: after `since` (when there is one) and at or before asOf. */
export function inPeriod(period: PackPeriod, column: string): RawBuilder<SqlBool> {
  return period.since
    ? sql<SqlBool>`(${sql.ref(column)} > ${period.since} and ${sql.ref(column)} <= ${period.asOf})`
    : sql<SqlBool>`(${sql.ref(column)} <= ${period.asOf})`;
}

/** A record with every key of `keys` set to 0, then the counts found. */
export function countsOf<K extends string>(keys: readonly K[], rows: readonly { key: string; count: number }[]) {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const row of rows) if ((keys as readonly string[]).includes(row.key)) counts[row.key as K] += Number(row.count);
  return counts;
}

/** A list bounded at `limit` rows, given one more row than the limit was asked for. */
export function bounded<T>(rows: readonly T[], total: number, limit: number) {
  return { total, truncated: total > limit, items: rows.slice(0, limit) };
}

/** A member reference from joined columns. */
export function memberRef(id: string | null, name: string | null | undefined) {
  return id && name ? { memberId: id, name } : null;
}
