import type { JobStatus, Routes } from "@openaims/contracts";
import { sql } from "kysely";
import type { Handler } from "../http/handler-context.js";
import { recurringJobs } from "./job-registry.js";

/** Jobs given up that the summary lists. */
const DEAD_LISTED = 20;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/**
 * How the organisation's scheduled work stands. Its own jobs in full (counts, jobs given up with their
 * error, jobs waiting to be picked up); the server-wide recurring sweeps only by when they last ran and
 * how that ended, because their errors may concern other organisations.
 */
export const getJobSummary: Handler<Routes["getJobSummary"]> = async ({ tx, org }) => {
  const counts = await tx
    .selectFrom("jobs")
    .select(["kind", "status", (eb) => eb.fn.countAll<string>().as("count")])
    .where("org_id", "=", org.orgId)
    .groupBy(["kind", "status"])
    .orderBy("kind")
    .orderBy("status")
    .execute();
  const dead = await tx
    .selectFrom("jobs")
    .select(["id", "kind", "key", "attempts", "last_error", "finished_at"])
    .where("org_id", "=", org.orgId)
    .where("status", "=", "dead")
    .orderBy("finished_at", "desc")
    .orderBy("id", "desc")
    .limit(DEAD_LISTED)
    .execute();
  const waiting = await tx
    .selectFrom("jobs")
    .select([(eb) => eb.fn.countAll<string>().as("count"), (eb) => eb.fn.min("run_at").as("oldest")])
    .where("org_id", "=", org.orgId)
    .where("status", "=", "queued")
    .where("run_at", "<=", sql<Date>`now()`)
    .executeTakeFirstOrThrow();
  const recurring = await Promise.all(
    recurringJobs.map(async (job) => {
      const last = await tx
        .selectFrom("jobs")
        .select(["key", "status", "finished_at"])
        .where("kind", "=", job.kind)
        .where("org_id", "is", null)
        .orderBy("run_at", "desc")
        .limit(1)
        .executeTakeFirst();
      return {
        kind: job.kind,
        everyMinutes: job.everyMs / 60_000,
        lastSlot: last?.key ?? null,
        lastStatus: (last?.status as JobStatus | undefined) ?? null,
        lastFinishedAt: iso(last?.finished_at ?? null),
      };
    }),
  );
  return {
    counts: counts.map((row) => ({ kind: row.kind, status: row.status as JobStatus, count: Number(row.count) })),
    dead: dead.map((row) => ({
      id: row.id,
      kind: row.kind,
      key: row.key,
      attempts: row.attempts ?? 0,
      lastError: row.last_error,
      finishedAt: iso(row.finished_at),
    })),
    waiting: { count: Number(waiting.count), oldestDueAt: iso(waiting.oldest as Date | string | null) },
    recurring,
  };
};
