import type { Database } from "@openaims/db";
import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import { defaultConfig, type ServerConfig } from "../config.js";
import { createMailer } from "../mail/mailer.js";
import { createSecretBox } from "../secrets/secret-box.js";
import type { JobHandler } from "./job-types.js";
import { type JobWorker, type JobWorkerOptions, startJobWorker } from "./job-worker.js";

export interface LogEntry {
  level: string;
  obj: unknown;
  msg: string | undefined;
}

/** A logger that keeps what it is told, for tests that check a worker complained (or did not). */
export function recordingLogger(): { log: FastifyBaseLogger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: string) => (obj: unknown, msg?: string) => {
    entries.push({ level, obj, msg });
  };
  const log = {
    level: "info",
    fatal: at("fatal"),
    error: at("error"),
    warn: at("warn"),
    info: at("info"),
    debug: () => {},
    trace: () => {},
    silent: () => {},
    child: () => log,
  };
  return { log: log as unknown as FastifyBaseLogger, entries };
}

/** A worker on `db` with test handlers, polling quickly; close it at the end of the test. */
export function testWorker(
  db: Kysely<Database>,
  handlers: Record<string, JobHandler>,
  options: Partial<Omit<JobWorkerOptions, "db" | "handlers">> & { config?: ServerConfig } = {},
): JobWorker & { entries: LogEntry[] } {
  const { log, entries } = recordingLogger();
  const config = options.config ?? defaultConfig;
  const worker = startJobWorker({
    db,
    handlers,
    deps: {
      log,
      config,
      mailer: createMailer(config.smtpUrl, config.mailFrom),
      secrets: createSecretBox(Buffer.alloc(32, 7)),
    },
    pollMs: 20,
    leaseMs: 5_000,
    ...options,
  });
  return Object.assign(worker, { entries });
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function waitUntil(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
