import type { Database } from "@openaims/db";
import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import type { ServerConfig } from "../config.js";
import type { Mailer } from "../mail/mailer.js";
import type { SecretBox } from "../secrets/secret-box.js";

/** A job to run once: the same kind and key enqueued twice make one job. */
export interface NewJob {
  kind: string;
  key: string;
  orgId: string | null;
  payload?: Record<string, unknown>;
  /** Not before this instant (default: now). */
  runAt?: Date;
  /** Attempts before the job is given up as dead (default 8). */
  maxAttempts?: number;
}

/** A job a worker has claimed. */
export interface ClaimedJob {
  id: string;
  kind: string;
  key: string;
  orgId: string | null;
  payload: Record<string, unknown>;
  /** 1 on the first attempt. */
  attempt: number;
  maxAttempts: number;
}

/** What a job handler may use. */
export interface JobContext {
  db: Kysely<Database>;
  mailer: Mailer;
  secrets: SecretBox;
  config: ServerConfig;
  log: FastifyBaseLogger;
  /** The claiming worker's id (process and instance). */
  workerId: string;
  /** Aborted when the server stops before the job finished; the job then goes back to the queue. */
  signal: AbortSignal;
}

/**
 * Runs one job; throwing retries it later with back-off, `PermanentJobError` gives it up at once.
 *
 * A handler must be idempotent: it may run more than once for the same job. A worker that dies mid-job
 * (a crash, `kill -9`, a lost connection) leaves the job claimed; when the lease runs out another server
 * runs it again, and an attempt that failed after its side effect is retried. So a handler records what it
 * has done in the database and checks it first, and anything it sends outside carries an id derived from
 * the job (a webhook's delivery id, an e-mail's Message-ID) that the receiver can deduplicate by.
 * It must not hold a transaction open across network calls: on the embedded database that would stall
 * every request of the server for as long as the call takes.
 */
export type JobHandler = (job: ClaimedJob, ctx: JobContext) => Promise<void>;

/** A failure that another attempt cannot fix (the record is gone, the input is invalid). */
export class PermanentJobError extends Error {}
