import { randomUUID } from "node:crypto";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { NewJob } from "./job-types.js";

/** Told when jobs were enqueued in this process; `inTransaction` when they are not committed yet. */
type EnqueueListener = (inTransaction: boolean) => void;
const listeners = new Set<EnqueueListener>();

/** Jobs per insert statement: 7 parameters each stays far below PostgreSQL's 65,535. */
const CHUNK = 1000;

const rowOf = (job: NewJob) => ({
  id: randomUUID(),
  org_id: job.orgId,
  kind: job.kind,
  key: job.key,
  payload: JSON.stringify(job.payload ?? {}),
  run_at: job.runAt ?? new Date(),
  max_attempts: job.maxAttempts ?? 8,
});

/**
 * Adds a job unless one of the same kind and key exists; true when this call created it.
 * Given a transaction, the job is part of it: it is committed, and visible to workers, with the
 * caller's other writes or not at all. A worker in this process is woken at once.
 */
export async function enqueueJob(db: Kysely<Database>, job: NewJob): Promise<boolean> {
  return (await enqueueJobs(db, [job])) === 1;
}

/**
 * Adds many jobs in a few statements, each unless one of the same kind and key exists; returns how
 * many it created. For fan-outs (a reminder per member) where one statement per job would be slow.
 */
export async function enqueueJobs(db: Kysely<Database>, jobs: readonly NewJob[]): Promise<number> {
  let created = 0;
  for (let start = 0; start < jobs.length; start += CHUNK) {
    const inserted = await db
      .insertInto("jobs")
      .values(jobs.slice(start, start + CHUNK).map(rowOf))
      .onConflict((oc) => oc.columns(["kind", "key"]).doNothing())
      .returning("id")
      .execute();
    created += inserted.length;
  }
  if (created > 0) for (const listener of listeners) listener(db.isTransaction);
  return created;
}

/** Calls `listener` after jobs are enqueued in this process; returns the function that stops it. */
export function onJobEnqueued(listener: EnqueueListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
