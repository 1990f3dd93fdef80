import { sql } from "kysely";
import type { JobHandler } from "./job-types.js";

/** The recurring job that deletes old finished jobs. */
export const PRUNE_JOBS_JOB = "jobs.prune";
export const PRUNE_JOBS_EVERY_MS = 24 * 3_600_000;
/** Done jobs are kept this long, for the jobs summary and for finding out what ran. */
export const KEEP_DONE_DAYS = 14;
/** Dead jobs are kept longer: someone may still need to look into them. */
export const KEEP_DEAD_DAYS = 90;

/**
 * Deletes done jobs after 14 days and dead ones after 90. A deleted job's key could be enqueued again,
 * which is harmless: slot keys never recur, and a reminder's delivery jobs are enqueued only when the
 * reminder is first raised, which the `reminders` table remembers for good.
 */
const pruneJobs: JobHandler = async (_job, { db }) => {
  await db
    .deleteFrom("jobs")
    .where((eb) =>
      eb.or([
        eb.and([
          eb("status", "=", "done"),
          eb("finished_at", "<", sql<Date>`now() - ${KEEP_DONE_DAYS} * interval '1 day'`),
        ]),
        eb.and([
          eb("status", "=", "dead"),
          eb("finished_at", "<", sql<Date>`now() - ${KEEP_DEAD_DAYS} * interval '1 day'`),
        ]),
      ]),
    )
    .execute();
};

export const jobsJobHandlers: Record<string, JobHandler> = { [PRUNE_JOBS_JOB]: pruneJobs };
