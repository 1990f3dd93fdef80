import { SIGNIN_ATTEMPTS_PER_WINDOW, SIGNIN_WINDOW_MINUTES } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";

/**
 * Counts sign-in attempts per client address in the database (not in memory), so the limit holds
 * across server instances. Returns false when the address is over its limit.
 */
export async function allowSigninAttempt(tx: Kysely<Database>, clientKey: string): Promise<boolean> {
  const since = new Date(Date.now() - SIGNIN_WINDOW_MINUTES * 60_000);
  await tx.deleteFrom("signin_attempts").where("attempted_at", "<", since).execute();
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
