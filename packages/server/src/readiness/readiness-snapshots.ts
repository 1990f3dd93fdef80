import { type Coverage, clauses, computeReadiness, type Readiness, summariseCoverage, todayUtc } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { loadReadinessFacts } from "./load-readiness-facts.js";
import { readinessCatalogue } from "./readiness-handlers.js";

/**
 * How long a stored result may be served again while the audit-chain head has not moved. Readiness
 * also depends on the clock (evidence reaching its end of validity), which writes no audit entry.
 */
export const READINESS_REUSE_MS = 5 * 60_000;

/** How many days of scores the trend shows. */
export const READINESS_TREND_DAYS = 90;

const mainClauses = clauses.filter((clause) => clause.parentId === null);

export interface ReadinessSummary {
  overall: Coverage;
  clauses: ReturnType<typeof summariseCoverage>["clauses"];
  areas: ReturnType<typeof summariseCoverage>["areas"];
}

/** Head of the organisation's audit chain: it moves with every change, so it tells whether anything changed. */
export async function auditHeadSeq(db: Kysely<Database>, orgId: string): Promise<number> {
  const head = await db.selectFrom("audit_heads").select("seq").where("org_id", "=", orgId).executeTakeFirst();
  return head ? Number(head.seq) : 0;
}

/** Readiness computed from the organisation's records as they are now. */
export async function computeOrgReadiness(db: Kysely<Database>, orgId: string, now: Date): Promise<Readiness> {
  return computeReadiness(await loadReadinessFacts(db, orgId, now), readinessCatalogue);
}

/**
 * Stores today's score (UTC day) for the trend, replacing the day's earlier one unless that one was
 * computed at a later audit head. Derived data, not a change to any record, so no audit entry: one per
 * read would also move the head it is keyed on. Idempotent, and safe for callers who may only read.
 */
export async function recordReadinessSnapshot(
  db: Kysely<Database>,
  orgId: string,
  input: { now: Date; auditSeq: number; readiness: Pick<Readiness, "overall" | "clauses" | "areas"> },
): Promise<ReadinessSummary> {
  const summary = { overall: input.readiness.overall, ...summariseCoverage(input.readiness, mainClauses) };
  const row = {
    org_id: orgId,
    day: todayUtc(input.now),
    percent: summary.overall.percent,
    met: summary.overall.met,
    total: summary.overall.total,
    coverage: JSON.stringify(summary),
    audit_seq: input.auditSeq,
    computed_at: input.now,
  };
  await db
    .insertInto("readiness_snapshots")
    .values(row)
    .onConflict((conflict) =>
      conflict
        .columns(["org_id", "day"])
        .doUpdateSet({
          percent: row.percent,
          met: row.met,
          total: row.total,
          coverage: row.coverage,
          audit_seq: row.audit_seq,
          computed_at: row.computed_at,
        })
        .where("readiness_snapshots.audit_seq", "<=", row.audit_seq),
    )
    .execute();
  return summary;
}

/**
 * Today's readiness summary: today's stored one while nothing changed (same audit head, computed less
 * than READINESS_REUSE_MS ago), else computed afresh and stored.
 */
export async function currentReadinessSummary(
  db: Kysely<Database>,
  orgId: string,
  now: Date,
): Promise<ReadinessSummary> {
  // The head is read before the facts, so a change landing in between makes the next call recompute.
  const [auditSeq, stored] = await Promise.all([
    auditHeadSeq(db, orgId),
    db
      .selectFrom("readiness_snapshots")
      .select(["coverage", "audit_seq", "computed_at"])
      .where("org_id", "=", orgId)
      .where("day", "=", todayUtc(now))
      .executeTakeFirst(),
  ]);
  if (
    stored &&
    Number(stored.audit_seq) === auditSeq &&
    now.getTime() - stored.computed_at.getTime() < READINESS_REUSE_MS &&
    stored.computed_at.getTime() <= now.getTime()
  ) {
    return stored.coverage as ReadinessSummary;
  }
  const readiness = await computeOrgReadiness(db, orgId, now);
  return recordReadinessSnapshot(db, orgId, { now, auditSeq, readiness });
}

/** One score per day over the last READINESS_TREND_DAYS days, oldest first. */
export async function readinessTrend(
  db: Kysely<Database>,
  orgId: string,
  now: Date,
): Promise<{ day: string; percent: number }[]> {
  const since = new Date(now.getTime() - (READINESS_TREND_DAYS - 1) * 86_400_000);
  return db
    .selectFrom("readiness_snapshots")
    .select(["day", "percent"])
    .where("org_id", "=", orgId)
    .where("day", ">=", todayUtc(since))
    .orderBy("day")
    .execute();
}
