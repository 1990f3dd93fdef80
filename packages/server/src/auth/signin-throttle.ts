import { SIGNIN_ATTEMPTS_PER_WINDOW, SIGNIN_WINDOW_MINUTES } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { AppError } from "../http/app-error.js";
import { signinClientKey } from "./signin-client-key.js";

/** Arbitrary constant naming sign-in throttling among PostgreSQL advisory locks (two-key form). */
const SIGNIN_LOCK_SPACE = 420_001;
/** Expired attempts of other addresses removed per call, so the table does not grow without bound. */
const PURGE_BATCH = 500;

/**
 * Counts sign-in attempts per client key in the database (not in memory), so the limit holds across
 * server instances. Returns false when the key is over its limit.
 *
 * A transaction-scoped advisory lock on the key makes count-then-insert atomic: a parallel burst from
 * one address is counted one attempt at a time, on every connection and server process, until the
 * caller's transaction ends. Call it first in the transaction, before locking any row, and commit the
 * transaction even when the attempt then fails (`failAfterCommit`), or the attempt is not counted.
 */
export async function allowSigninAttempt(tx: Kysely<Database>, clientKey: string): Promise<boolean> {
  await sql`select pg_advisory_xact_lock(${SIGNIN_LOCK_SPACE}, hashtext(${clientKey}))`.execute(tx);
  const since = new Date(Date.now() - SIGNIN_WINDOW_MINUTES * 60_000);
  await tx
    .deleteFrom("signin_attempts")
    .where("client_key", "=", clientKey)
    .where("attempted_at", "<", since)
    .execute();
  await purgeExpiredAttempts(tx, since);
  const row = await tx
    .selectFrom("signin_attempts")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("client_key", "=", clientKey)
    .where("attempted_at", ">=", since)
    .executeTakeFirstOrThrow();
  if (Number(row.n) >= SIGNIN_ATTEMPTS_PER_WINDOW) return false;
  await tx.insertInto("signin_attempts").values({ client_key: clientKey }).execute();
  return true;
}

/** Skips rows another sign-in is deleting, so purging never makes one address wait for another. */
async function purgeExpiredAttempts(tx: Kysely<Database>, since: Date): Promise<void> {
  await sql`
    delete from signin_attempts where ctid = any(array(
      select ctid from signin_attempts where attempted_at < ${since} limit ${PURGE_BATCH} for update skip locked
    ))`.execute(tx);
}

/** Counts one attempt from the request's client address and refuses it with 429 when over the limit. */
export async function countAttemptFromAddress(tx: Kysely<Database>, ip: string, message: string): Promise<void> {
  if (!(await allowSigninAttempt(tx, signinClientKey(ip)))) throw new AppError("rate_limited", message);
}
