import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import type { ClaimedJob } from "./job-types.js";

/** Longest error text kept on a job: enough to diagnose, never a dump. */
const ERROR_LIMIT = 2000;

interface ClaimedRow {
  id: string;
  kind: string;
  key: string;
  org_id: string | null;
  payload: Record<string, unknown> | string;
  attempts: number;
  max_attempts: number;
}

/**
 * Claims up to `limit` due jobs for `workerId` in one statement: queued jobs whose time has come, and
 * running jobs whose lease ran out (their worker died). `for update skip locked` lets servers claim at
 * once without waiting on each other or taking the same job; each claim counts an attempt.
 */
export async function claimJobs(
  db: Kysely<Database>,
  workerId: string,
  limit: number,
  leaseMs: number,
  kinds: readonly string[] | null = null,
): Promise<ClaimedJob[]> {
  const ofKinds = kinds === null ? sql`true` : sql`kind in (${sql.join(kinds)})`;
  const { rows } = await sql<ClaimedRow>`
    update jobs
    set status = 'running', locked_by = ${workerId},
        locked_until = now() + ${leaseMs} * interval '1 millisecond', attempts = attempts + 1
    where id in (
      select id from jobs
      where status in ('queued', 'running') and run_at <= now()
        and (status = 'queued' or locked_until < now()) and ${ofKinds}
      order by run_at
      limit ${limit}
      for update skip locked
    )
    returning id, kind, key, org_id, payload, attempts, max_attempts`.execute(db);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    key: row.key,
    orgId: row.org_id,
    payload: typeof row.payload === "string" ? (JSON.parse(row.payload) as Record<string, unknown>) : row.payload,
    attempt: row.attempts,
    maxAttempts: row.max_attempts,
  }));
}

/**
 * Marks jobs done in one statement; returns the ids it marked. A job missing from the answer is one
 * this worker no longer holds (its lease ran out and another server took it).
 */
export async function completeJobs(
  db: Kysely<Database>,
  jobIds: readonly string[],
  workerId: string,
): Promise<Set<string>> {
  if (jobIds.length === 0) return new Set();
  const rows = await db
    .updateTable("jobs")
    .set({ status: "done", finished_at: sql<Date>`now()`, locked_until: null, last_error: null })
    .where("id", "in", jobIds)
    .where("locked_by", "=", workerId)
    .where("status", "=", "running")
    .returning("id")
    .execute();
  return new Set(rows.map((row) => row.id));
}

/**
 * Records a failed attempt: back in the queue after `retryInMs`, or dead (with the error kept) when
 * `giveUp`. False when this worker no longer holds the job.
 */
export async function failJob(
  db: Kysely<Database>,
  jobId: string,
  workerId: string,
  error: string,
  outcome: { giveUp: true } | { giveUp: false; retryInMs: number },
): Promise<boolean> {
  const lastError = error.length > ERROR_LIMIT ? `${error.slice(0, ERROR_LIMIT - 1)}…` : error;
  const result = await db
    .updateTable("jobs")
    .set(
      outcome.giveUp
        ? { status: "dead", finished_at: sql<Date>`now()`, locked_until: null, last_error: lastError }
        : {
            status: "queued",
            run_at: sql<Date>`now() + ${outcome.retryInMs} * interval '1 millisecond'`,
            locked_until: null,
            last_error: lastError,
          },
    )
    .where("id", "=", jobId)
    .where("locked_by", "=", workerId)
    .where("status", "=", "running")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Hands jobs this worker could not finish (it is stopping) back to the queue, the attempt not counted. */
export async function releaseJobs(db: Kysely<Database>, jobIds: string[], workerId: string): Promise<void> {
  if (jobIds.length === 0) return;
  await db
    .updateTable("jobs")
    .set({
      status: "queued",
      run_at: sql<Date>`now()`,
      locked_by: null,
      locked_until: null,
      attempts: sql<number>`greatest(attempts - 1, 0)`,
    })
    .where("id", "in", jobIds)
    .where("locked_by", "=", workerId)
    .where("status", "=", "running")
    .execute();
}

/** Extends the lease on jobs this worker is still running, so no other server takes them over. */
export async function renewLeases(
  db: Kysely<Database>,
  jobIds: string[],
  workerId: string,
  leaseMs: number,
): Promise<void> {
  if (jobIds.length === 0) return;
  await db
    .updateTable("jobs")
    .set({ locked_until: sql<Date>`now() + ${leaseMs} * interval '1 millisecond'` })
    .where("id", "in", jobIds)
    .where("locked_by", "=", workerId)
    .where("status", "=", "running")
    .execute();
}

/**
 * Refreshes the planner's statistics of the jobs table. Claiming relies on an ordered scan of the
 * ready-jobs index stopping after a few rows; with statistics from when the queue was nearly empty the
 * planner sorts the whole backlog instead, on every claim. PostgreSQL's autovacuum catches up within a
 * minute or so; the embedded database has no autovacuum at all.
 */
export async function analyzeJobs(db: Kysely<Database>): Promise<void> {
  await sql`analyze jobs`.execute(db);
}
