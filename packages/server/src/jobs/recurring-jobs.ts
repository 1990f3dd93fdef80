import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { enqueueJob } from "./enqueue-job.js";

/** Work that comes back on a fixed period: one job per period ("slot"), whichever server enqueues it. */
export interface RecurringJob {
  kind: string;
  everyMs: number;
  /** Attempts of one slot's job; the next slot tries again anyway (default 3). */
  maxAttempts?: number;
}

/** The start of the period `now` falls in, periods counted from the Unix epoch. */
export function slotStart(everyMs: number, now: Date): Date {
  return new Date(Math.floor(now.getTime() / everyMs) * everyMs);
}

/** The job key of a slot: its start in UTC to the second, e.g. `2026-12-07T05:00:00Z`. */
export function slotKey(slot: Date): string {
  return `${slot.toISOString().slice(0, 19)}Z`;
}

/**
 * Enqueues the current slot's job of each recurring kind. Every server does this; the unique (kind, key)
 * makes one job per slot, so with two servers each slot still runs once. True for each kind whose job this
 * call created.
 */
export async function enqueueDueSlots(db: Kysely<Database>, recurring: RecurringJob[], now: Date): Promise<number> {
  let created = 0;
  for (const job of recurring) {
    const slot = slotStart(job.everyMs, now);
    const added = await enqueueJob(db, {
      kind: job.kind,
      key: slotKey(slot),
      orgId: null,
      payload: { slot: slot.toISOString() },
      runAt: slot,
      maxAttempts: job.maxAttempts ?? 3,
    });
    if (added) created++;
  }
  return created;
}

/**
 * Enqueues each recurring kind's current slot now and then every `tickMs` (at most a quarter of the
 * shortest period, so a slot is never skipped); returns the function that stops it. A slot missed while
 * no server ran is not made up: each kind looks at the records as they are, so the next slot covers it.
 */
export function scheduleRecurringJobs(
  db: Kysely<Database>,
  recurring: RecurringJob[],
  log: { error(obj: unknown, msg: string): void },
  tickMs = 15_000,
): () => Promise<void> {
  const shortest = Math.min(...recurring.map((job) => job.everyMs));
  const every = Math.max(10, Math.min(tickMs, Math.floor(shortest / 4)));
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = enqueueDueSlots(db, recurring, new Date())
      .then(() => undefined)
      .catch((error: unknown) => {
        // A server closing while the slot is enqueued loses its connections: that is not a failure.
        if (!stopped) log.error({ err: error }, "enqueueing recurring jobs failed");
      })
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, every);
  timer.unref();
  // Stopping waits for an enqueue under way, so the server closes its database only after it.
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
