import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { onJobEnqueued } from "./enqueue-job.js";
import { analyzeJobs, claimJobs, completeJobs, failJob, releaseJobs, renewLeases } from "./job-store.js";
import { type ClaimedJob, type JobContext, type JobHandler, PermanentJobError } from "./job-types.js";
import { defaultRetryPolicy, type RetryPolicy, retryDelayMs } from "./retry-delay.js";

export interface JobWorkerOptions {
  db: Kysely<Database>;
  handlers: Record<string, JobHandler>;
  /** What handlers get besides the database, the worker id and the stop signal. */
  deps: Omit<JobContext, "db" | "workerId" | "signal">;
  /** How often an idle worker looks for due jobs. */
  pollMs: number;
  /** How long a claim holds before another worker may take the job over; renewed while it runs. */
  leaseMs: number;
  /** Jobs run at once by this worker (default 16). */
  concurrency?: number;
  retry?: RetryPolicy;
  /** How long `close()` waits for running jobs before handing them back (default 10 s). */
  closeGraceMs?: number;
  workerId?: string;
  /** Claim only jobs of these kinds (default: every kind). */
  kinds?: readonly string[];
}

export interface JobWorker {
  readonly workerId: string;
  /** Looks for due jobs now instead of at the next poll. */
  wake(): void;
  /** Stops claiming, lets running jobs finish (or hands them back after the grace period) and resolves. */
  close(): Promise<void>;
}

/**
 * After an enqueue inside a transaction the job is visible only once the caller commits, which this
 * worker cannot observe: it then looks every EAGER_POLL_MS for EAGER_FOR_MS instead of waiting a poll.
 */
const EAGER_POLL_MS = 50;
const EAGER_FOR_MS = 3_000;
/** With a backlog, the worker refreshes the jobs table's statistics at most this often (see analyzeJobs). */
const ANALYZE_EVERY_MS = 60_000;

/**
 * Starts a worker that claims due jobs from the `jobs` table and runs their handlers, as many at once as
 * `concurrency` allows. Every statement it issues stands alone (no transaction spans a handler), so on
 * the embedded database the single connection is never held while a handler waits on the network.
 */
export function startJobWorker(options: JobWorkerOptions): JobWorker {
  const { db, handlers, deps, pollMs, leaseMs } = options;
  const concurrency = options.concurrency ?? 16;
  const retry = options.retry ?? defaultRetryPolicy;
  const closeGraceMs = options.closeGraceMs ?? 10_000;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const log = deps.log;
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  let closing = false;
  let wakePending = false;
  let wakeWaiter: (() => void) | null = null;
  let eagerUntil = 0;
  let analyzedAt = 0;

  function wake() {
    wakePending = true;
    wakeWaiter?.();
  }

  /** Resolves on a wake, when a running job frees its slot, or after the poll interval. */
  function nextTurn(): Promise<void> {
    if (wakePending) {
      wakePending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, Date.now() < eagerUntil ? Math.min(pollMs, EAGER_POLL_MS) : pollMs);
      function done() {
        clearTimeout(timer);
        wakeWaiter = null;
        wakePending = false;
        resolve();
      }
      wakeWaiter = done;
    });
  }

  const stopListening = onJobEnqueued((inTransaction) => {
    if (inTransaction) eagerUntil = Date.now() + EAGER_FOR_MS;
    wake();
  });

  const heartbeat = setInterval(
    () => {
      const ids = [...running.keys()];
      renewLeases(db, ids, workerId, leaseMs).catch((error: unknown) =>
        log.error({ err: error, workerId }, "renewing job leases failed"),
      );
    },
    Math.max(250, Math.floor(leaseMs / 3)),
  );
  heartbeat.unref();

  // Jobs that finish while a completion is being written are marked done together in the next statement:
  // under load one statement per many jobs, with no wait when idle.
  let doneQueue: { id: string; settle: (held: boolean | Error) => void }[] = [];
  let flushing = false;

  function markDone(jobId: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      doneQueue.push({ id: jobId, settle: (held) => (held instanceof Error ? reject(held) : resolve(held)) });
      if (!flushing) void flushDone();
    });
  }

  async function flushDone() {
    flushing = true;
    while (doneQueue.length > 0) {
      const batch = doneQueue;
      doneQueue = [];
      try {
        const marked = await completeJobs(
          db,
          batch.map((entry) => entry.id),
          workerId,
        );
        for (const entry of batch) entry.settle(marked.has(entry.id));
      } catch (error) {
        for (const entry of batch) entry.settle(error instanceof Error ? error : new Error(String(error)));
      }
    }
    flushing = false;
  }

  async function run(job: ClaimedJob, controller: AbortController): Promise<void> {
    try {
      if (job.attempt > job.maxAttempts) {
        // Claimed again after its lease ran out on the last attempt: the worker died each time.
        const error = `Its server stopped while running it on each of ${job.maxAttempts} attempts`;
        await failJob(db, job.id, workerId, error, { giveUp: true });
        log.error({ job: describe(job) }, "job given up: its server stopped on every attempt");
        return;
      }
      const handler = handlers[job.kind];
      // Retried, not given up at once: a server of an older version may have claimed a newer kind.
      if (!handler) throw new Error(`No handler for job kind '${job.kind}' on this server`);
      await handler(job, { ...deps, db, workerId, signal: controller.signal });
      if (!(await markDone(job.id))) {
        log.warn({ job: describe(job) }, "job finished after its lease passed to another server");
      }
    } catch (error) {
      if (controller.signal.aborted) return; // handed back by close()
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = error instanceof PermanentJobError || job.attempt >= job.maxAttempts;
      const outcome = giveUp
        ? ({ giveUp: true } as const)
        : ({ giveUp: false, retryInMs: retryDelayMs(job.attempt, retry) } as const);
      try {
        await failJob(db, job.id, workerId, message, outcome);
      } catch (recordError) {
        log.error({ err: recordError, job: describe(job) }, "recording a job failure failed; its lease will run out");
      }
      const level = giveUp ? "error" : "warn";
      log[level]({ job: describe(job), error: message }, giveUp ? "job given up" : "job failed; it will be retried");
    }
  }

  function start(job: ClaimedJob) {
    const controller = new AbortController();
    const done = run(job, controller).finally(() => {
      running.delete(job.id);
      wakeWaiter?.();
    });
    running.set(job.id, { controller, done });
  }

  async function loop() {
    while (!closing) {
      const free = concurrency - running.size;
      let claimed = 0;
      // Claim in batches (at least half the slots): each claim sorts the due jobs, so claiming one job
      // whenever one finishes would spend most of the time claiming.
      if (free >= Math.ceil(concurrency / 2)) {
        try {
          const jobs = await claimJobs(db, workerId, free, leaseMs, options.kinds ?? null);
          claimed = jobs.length;
          // A job claimed while close() began is still started: close() waits for it or hands it back.
          for (const job of jobs) start(job);
        } catch (error) {
          if (closing) break;
          log.error({ err: error, workerId }, "claiming jobs failed");
        }
      }
      if (claimed > 0 && claimed === free) {
        // A full batch means a backlog: keep the planner's picture of the queue current.
        if (Date.now() - analyzedAt > ANALYZE_EVERY_MS) {
          analyzedAt = Date.now();
          analyzeJobs(db).catch((error: unknown) => log.warn({ err: error }, "analysing the jobs table failed"));
        }
        continue;
      }
      await nextTurn();
    }
  }

  const looping = loop();
  let closed: Promise<void> | null = null;

  async function close() {
    closing = true;
    stopListening();
    wakeWaiter?.();
    await looping;
    const finished = Promise.allSettled([...running.values()].map((r) => r.done));
    let graceTimer: NodeJS.Timeout | undefined;
    await Promise.race([finished, new Promise((resolve) => (graceTimer = setTimeout(resolve, closeGraceMs)))]);
    clearTimeout(graceTimer);
    if (running.size > 0) {
      const unfinished = [...running.keys()];
      for (const entry of running.values()) entry.controller.abort();
      try {
        await releaseJobs(db, unfinished, workerId);
      } catch (error) {
        log.error({ err: error, workerId }, "handing unfinished jobs back failed; their leases will run out");
      }
    }
    clearInterval(heartbeat);
  }

  return {
    workerId,
    wake,
    close: () => {
      closed ??= close();
      return closed;
    },
  };
}

function describe(job: ClaimedJob) {
  return { id: job.id, kind: job.kind, key: job.key, attempt: job.attempt, maxAttempts: job.maxAttempts };
}
