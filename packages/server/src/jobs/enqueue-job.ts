import { randomUUID } from "node:crypto";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { NewJob } from "./job-types.js";

/** Told of each job enqueued in this process; `inTransaction` when it is not committed yet. */
type EnqueueListener = (job: NewJob, inTransaction: boolean) => void;
const listeners = new Set<EnqueueListener>();

/**
 * Adds a job unless one of the same kind and key exists; true when this call created it.
 * Given a transaction, the job is part of it: it is committed, and visible to workers, with the
 * caller's other writes or not at all. A worker in this process is woken at once.
 */
export async function enqueueJob(db: Kysely<Database>, job: NewJob): Promise<boolean> {
  const inserted = await db
    .insertInto("jobs")
    .values({
      id: randomUUID(),
      org_id: job.orgId,
      kind: job.kind,
      key: job.key,
      payload: JSON.stringify(job.payload ?? {}),
      run_at: job.runAt ?? new Date(),
      max_attempts: job.maxAttempts ?? 8,
    })
    .onConflict((oc) => oc.columns(["kind", "key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted === undefined) return false;
  for (const listener of listeners) listener(job, db.isTransaction);
  return true;
}

/** Calls `listener` after each job enqueued in this process; returns the function that stops it. */
export function onJobEnqueued(listener: EnqueueListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
