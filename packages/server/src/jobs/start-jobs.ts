import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { jobHandlers, recurringJobs } from "./job-registry.js";
import type { JobContext } from "./job-types.js";
import { startJobWorker } from "./job-worker.js";
import { scheduleRecurringJobs } from "./recurring-jobs.js";

/**
 * Starts this server's share of the scheduled work: the worker that runs due jobs and the scheduler
 * that enqueues each recurring kind's current slot. Returns the function that stops both, letting a
 * running job finish or handing it back.
 */
export function startJobs(
  db: Kysely<Database>,
  deps: Omit<JobContext, "db" | "workerId" | "signal">,
): { workerId: string; stop: () => Promise<void> } {
  const worker = startJobWorker({
    db,
    handlers: jobHandlers,
    deps,
    pollMs: deps.config.jobPollMs,
    leaseMs: deps.config.jobLeaseMs,
  });
  const stopSchedule = scheduleRecurringJobs(db, recurringJobs, deps.log);
  return {
    workerId: worker.workerId,
    stop: async () => {
      await stopSchedule();
      await worker.close();
    },
  };
}
