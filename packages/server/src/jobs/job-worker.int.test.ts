import { randomUUID } from "node:crypto";
import type { Database } from "@openaims/db";
import { openTestDatabase } from "@openaims/db/testing";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enqueueJob } from "./enqueue-job.js";
import { testWorker, waitUntil } from "./job-test-fixtures.js";
import { type ClaimedJob, type JobHandler, PermanentJobError } from "./job-types.js";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Kysely<Database>;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterAll(() => database.close());
beforeEach(async () => {
  await db.deleteFrom("jobs").execute();
});

const jobOf = (key: string) => db.selectFrom("jobs").selectAll().where("key", "=", key).executeTakeFirstOrThrow();
const statusOf = async (key: string) => (await jobOf(key)).status;

describe("enqueueJob", () => {
  it("makes one job of the same kind and key, and says which call made it", async () => {
    const first = await enqueueJob(db, { kind: "test.echo", key: "k1", orgId: null, payload: { n: 1 } });
    const second = await enqueueJob(db, { kind: "test.echo", key: "k1", orgId: null, payload: { n: 2 } });
    const otherKind = await enqueueJob(db, { kind: "test.other", key: "k1", orgId: null });
    expect([first, second, otherKind]).toEqual([true, false, true]);
    const rows = await db.selectFrom("jobs").selectAll().where("kind", "=", "test.echo").execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ payload: { n: 1 }, status: "queued", attempts: 0, max_attempts: 8 });
  });

  it("is part of the caller's transaction: rolled back with it", async () => {
    await expect(
      db.transaction().execute(async (tx) => {
        expect(await enqueueJob(tx, { kind: "test.echo", key: "rolled-back", orgId: null })).toBe(true);
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    expect(await db.selectFrom("jobs").select("id").where("key", "=", "rolled-back").execute()).toEqual([]);
  });
});

describe("job worker", () => {
  it("claims a due job, runs its handler once with the payload, and marks it done", async () => {
    const seen: ClaimedJob[] = [];
    const worker = testWorker(db, { "test.echo": async (job) => void seen.push(job) });
    try {
      await enqueueJob(db, { kind: "test.echo", key: "run-me", orgId: null, payload: { hello: "world" } });
      await waitUntil(async () => (await statusOf("run-me")) === "done", "the job is done");
    } finally {
      await worker.close();
    }
    expect(seen).toEqual([expect.objectContaining({ kind: "test.echo", key: "run-me", payload: { hello: "world" } })]);
    expect(seen[0]?.attempt).toBe(1);
    expect(await jobOf("run-me")).toMatchObject({
      status: "done",
      attempts: 1,
      locked_by: worker.workerId,
      locked_until: null,
      last_error: null,
      finished_at: expect.any(Date),
    });
  });

  it("does not run a job before its time", async () => {
    const runs: string[] = [];
    const worker = testWorker(db, { "test.echo": async (job) => void runs.push(job.key) });
    try {
      await enqueueJob(db, { kind: "test.echo", key: "later", orgId: null, runAt: new Date(Date.now() + 60_000) });
      await enqueueJob(db, { kind: "test.echo", key: "now", orgId: null });
      await waitUntil(async () => (await statusOf("now")) === "done", "the due job is done");
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await worker.close();
    }
    expect(runs).toEqual(["now"]);
    expect(await statusOf("later")).toBe("queued");
  });

  it("claims only the kinds it is given", async () => {
    const runs: string[] = [];
    const record: JobHandler = async (job) => void runs.push(job.kind);
    const worker = testWorker(db, { "test.mine": record, "test.theirs": record }, { kinds: ["test.mine"] });
    try {
      await enqueueJob(db, { kind: "test.theirs", key: "theirs", orgId: null });
      await enqueueJob(db, { kind: "test.mine", key: "mine", orgId: null });
      await waitUntil(async () => (await statusOf("mine")) === "done", "its job is done");
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await worker.close();
    }
    expect(runs).toEqual(["test.mine"]);
    expect(await statusOf("theirs")).toBe("queued");
  });

  it("wakes at once when a job is enqueued in its process, without waiting for the poll", async () => {
    const worker = testWorker(db, { "test.echo": async () => {} }, { pollMs: 60_000 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 50)); // the first, empty poll has passed
      const started = Date.now();
      await enqueueJob(db, { kind: "test.echo", key: "woken", orgId: null });
      await waitUntil(async () => (await statusOf("woken")) === "done", "the job is done", 2_000);
      expect(Date.now() - started).toBeLessThan(2_000);
      // Enqueued inside a transaction, it is claimed once committed.
      await db.transaction().execute((tx) => enqueueJob(tx, { kind: "test.echo", key: "woken-tx", orgId: null }));
      await waitUntil(async () => (await statusOf("woken-tx")) === "done", "the job is done", 2_000);
    } finally {
      await worker.close();
    }
  });

  it("retries a failing job with growing back-off and keeps the last error", async () => {
    let calls = 0;
    const failTwice: JobHandler = async () => {
      calls++;
      if (calls <= 2) throw new Error(`receiver answered 503 (call ${calls})`);
    };
    const retry = { baseMs: 200, maxMs: 10_000 };
    const worker = testWorker(db, { "test.flaky": failTwice }, { retry });
    try {
      await enqueueJob(db, { kind: "test.flaky", key: "flaky", orgId: null });
      // The attempt counts when the job is claimed, before its handler fails: wait for the failure itself
      // to be recorded, and check the row read then (the next attempt may claim it soon after).
      let afterFirst = await jobOf("flaky");
      await waitUntil(async () => {
        afterFirst = await jobOf("flaky");
        return afterFirst.last_error !== null;
      }, "the first attempt's failure is recorded");
      expect(calls).toBe(1);
      expect(afterFirst).toMatchObject({ status: "queued", attempts: 1, last_error: "receiver answered 503 (call 1)" });
      const { rows } = await sql<{ wait_ms: number }>`
        select extract(epoch from (run_at - now())) * 1000 as wait_ms from jobs where key = 'flaky'`.execute(db);
      // Between half and all of the base wait, less the time since.
      expect(Number(rows[0]?.wait_ms)).toBeGreaterThan(0);
      expect(Number(rows[0]?.wait_ms)).toBeLessThanOrEqual(200);
      await waitUntil(async () => (await statusOf("flaky")) === "done", "the job is done");
    } finally {
      await worker.close();
    }
    expect(calls).toBe(3);
    expect(await jobOf("flaky")).toMatchObject({ status: "done", attempts: 3, last_error: null });
  });

  it("gives a job up as dead after its last attempt, with the error", async () => {
    let calls = 0;
    const worker = testWorker(
      db,
      {
        "test.broken": async () => {
          calls++;
          throw new Error("always broken");
        },
      },
      { retry: { baseMs: 10, maxMs: 20 } },
    );
    try {
      await enqueueJob(db, { kind: "test.broken", key: "broken", orgId: null, maxAttempts: 3 });
      await waitUntil(async () => (await statusOf("broken")) === "dead", "the job is dead");
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await worker.close();
    }
    expect(calls).toBe(3);
    expect(await jobOf("broken")).toMatchObject({
      status: "dead",
      attempts: 3,
      last_error: "always broken",
      finished_at: expect.any(Date),
      locked_until: null,
    });
    expect(worker.entries.filter((e) => e.level === "error").map((e) => e.msg)).toEqual(["job given up"]);
  });

  it("gives up at once on a permanent error, and on a kind it has no handler for after its attempts", async () => {
    let calls = 0;
    const worker = testWorker(db, {
      "test.gone": async () => {
        calls++;
        throw new PermanentJobError("the record is gone");
      },
    });
    try {
      await enqueueJob(db, { kind: "test.gone", key: "gone", orgId: null });
      await enqueueJob(db, { kind: "test.unknown", key: "unknown", orgId: null, maxAttempts: 1 });
      await waitUntil(
        async () => (await statusOf("gone")) === "dead" && (await statusOf("unknown")) === "dead",
        "both are dead",
      );
    } finally {
      await worker.close();
    }
    expect(calls).toBe(1);
    expect(await jobOf("gone")).toMatchObject({ attempts: 1, last_error: "the record is gone" });
    expect(await jobOf("unknown")).toMatchObject({
      attempts: 1,
      last_error: "No handler for job kind 'test.unknown' on this server",
    });
  });

  it("takes over a job whose worker died (its lease ran out), and leaves one whose lease holds", async () => {
    const insert = (key: string, lockedUntil: string, attempts: number, maxAttempts = 8) =>
      sql`insert into jobs (id, kind, key, status, attempts, max_attempts, locked_by, locked_until)
          values (${randomUUID()}, 'test.echo', ${key}, 'running', ${attempts}, ${maxAttempts}, 'crashed-server',
                  now() + ${lockedUntil}::interval)`.execute(db);
    await insert("orphaned", "-1 second", 1);
    await insert("still-held", "1 hour", 1);
    await insert("orphaned-last", "-1 second", 3, 3);
    const runs: ClaimedJob[] = [];
    const worker = testWorker(db, { "test.echo": async (job) => void runs.push(job) });
    try {
      await waitUntil(
        async () => (await statusOf("orphaned")) === "done" && (await statusOf("orphaned-last")) === "dead",
        "the orphaned jobs are settled",
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await worker.close();
    }
    expect(runs.map((job) => [job.key, job.attempt])).toEqual([["orphaned", 2]]);
    expect(await jobOf("orphaned")).toMatchObject({ status: "done", attempts: 2, locked_by: worker.workerId });
    expect(await jobOf("still-held")).toMatchObject({ status: "running", locked_by: "crashed-server" });
    expect(await jobOf("orphaned-last")).toMatchObject({
      status: "dead",
      last_error: "Its server stopped while running it on each of 3 attempts",
    });
  });

  it("renews the lease of a long job, so a second worker does not take it from a live one", async () => {
    let runs = 0;
    const slow: JobHandler = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 1_200));
    };
    const first = testWorker(db, { "test.slow": slow }, { leaseMs: 400 });
    await enqueueJob(db, { kind: "test.slow", key: "slow", orgId: null });
    await waitUntil(async () => (await statusOf("slow")) === "running", "the first worker has it");
    const second = testWorker(db, { "test.slow": slow }, { leaseMs: 400 });
    try {
      await waitUntil(async () => (await statusOf("slow")) === "done", "the job is done");
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
    expect(runs).toBe(1);
    expect(await jobOf("slow")).toMatchObject({ attempts: 1, locked_by: first.workerId });
  });

  it("runs each of many jobs exactly once with two workers competing in one process", async () => {
    const runsByKey = new Map<string, string[]>();
    const record: JobHandler = async (job, ctx) => {
      runsByKey.set(job.key, [...(runsByKey.get(job.key) ?? []), ctx.workerId]);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
    };
    const keys = Array.from({ length: 300 }, (_, i) => `many-${i}`);
    for (const key of keys) await enqueueJob(db, { kind: "test.record", key, orgId: null });
    const workers = [
      testWorker(db, { "test.record": record }, { concurrency: 4 }),
      testWorker(db, { "test.record": record }, { concurrency: 4 }),
    ];
    try {
      await waitUntil(async () => {
        const { count } = await db
          .selectFrom("jobs")
          .select((eb) => eb.fn.countAll<string>().as("count"))
          .where("status", "=", "done")
          .executeTakeFirstOrThrow();
        return Number(count) === keys.length;
      }, "every job is done");
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
    expect([...runsByKey.keys()].sort()).toEqual([...keys].sort());
    expect([...runsByKey.values()].filter((runs) => runs.length !== 1)).toEqual([]);
    const byWorker = await db
      .selectFrom("jobs")
      .select(["locked_by", (eb) => eb.fn.countAll<string>().as("count")])
      .groupBy("locked_by")
      .execute();
    expect(byWorker.map((row) => row.locked_by).sort()).toEqual(workers.map((w) => w.workerId).sort());
    expect(await db.selectFrom("jobs").select("id").where("attempts", "<>", 1).execute()).toEqual([]);
  });

  it("on close, hands a job it cannot finish back to the queue without counting the attempt", async () => {
    let aborted = false;
    const hang: JobHandler = (_job, ctx) =>
      new Promise((_resolve, reject) => {
        ctx.signal.addEventListener("abort", () => {
          aborted = true;
          reject(new Error("stopped"));
        });
      });
    const worker = testWorker(db, { "test.hang": hang }, { closeGraceMs: 100 });
    await enqueueJob(db, { kind: "test.hang", key: "hang", orgId: null });
    await waitUntil(async () => (await statusOf("hang")) === "running", "the job runs");
    await worker.close();
    expect(aborted).toBe(true);
    expect(await jobOf("hang")).toMatchObject({ status: "queued", attempts: 0, locked_by: null, last_error: null });
  });

  it("on close, lets a running job finish within the grace period", async () => {
    const worker = testWorker(db, {
      "test.short": () => new Promise((resolve) => setTimeout(resolve, 150)),
    });
    await enqueueJob(db, { kind: "test.short", key: "short", orgId: null });
    await waitUntil(async () => (await statusOf("short")) === "running", "the job runs");
    await worker.close();
    expect(await statusOf("short")).toBe("done");
  });
});
