import { generateSecret, hashSecret, sameDigest } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";

const KEY = "setup_code";

/**
 * While no account exists, the server prints a one-time setup code at start; whoever can read the
 * server's console can create the first organisation from the browser. Returns null once set up.
 */
export async function issueSetupCode(db: Kysely<Database>): Promise<string | null> {
  const anyUser = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  if (anyUser) return null;
  const code = generateSecret("setup");
  const value = JSON.stringify({ hash: hashSecret(code) });
  await db
    .insertInto("instance_settings")
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: new Date() }))
    .execute();
  return code;
}

export async function checkSetupCode(tx: Kysely<Database>, code: string): Promise<boolean> {
  const row = await tx.selectFrom("instance_settings").select("value").where("key", "=", KEY).executeTakeFirst();
  const stored = (row?.value as { hash?: string } | undefined)?.hash;
  return Boolean(stored && sameDigest(stored, hashSecret(code)));
}

export async function consumeSetupCode(tx: Kysely<Database>): Promise<void> {
  await tx.deleteFrom("instance_settings").where("key", "=", KEY).execute();
}
