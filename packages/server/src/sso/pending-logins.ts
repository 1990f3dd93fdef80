import { hashSecret } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { randomNonce, randomPKCECodeVerifier, randomState } from "openid-client";
import { AppError } from "../http/app-error.js";

const LOGIN_TTL_MS = 10 * 60_000;

/** A sign-in that left for the identity provider and has not come back yet. */
export interface PendingLogin {
  orgId: string;
  state: string;
  codeVerifier: string;
  nonce: string;
}

/**
 * Records a sign-in about to leave for the identity provider. Only the hash of `state` is stored, so
 * whichever server instance receives the callback can finish it, and a database reader cannot.
 */
export async function beginPendingLogin(db: Kysely<Database>, orgId: string): Promise<PendingLogin> {
  const login = { orgId, state: randomState(), codeVerifier: randomPKCECodeVerifier(), nonce: randomNonce() };
  const now = Date.now();
  await db.deleteFrom("sso_logins").where("expires_at", "<", new Date(now)).execute();
  await db
    .insertInto("sso_logins")
    .values({
      state_hash: hashSecret(login.state),
      org_id: orgId,
      code_verifier: login.codeVerifier,
      nonce: login.nonce,
      expires_at: new Date(now + LOGIN_TTL_MS),
    })
    .execute();
  return login;
}

/**
 * Removes and returns the pending sign-in for `state`. One statement deletes and reads, so a state
 * can be redeemed once even when the same callback reaches two instances at the same moment.
 */
export async function takePendingLogin(db: Kysely<Database>, state: string): Promise<PendingLogin> {
  const row = await db
    .deleteFrom("sso_logins")
    .where("state_hash", "=", hashSecret(state))
    .returning(["org_id", "code_verifier", "nonce", "expires_at"])
    .executeTakeFirst();
  if (!row || row.expires_at.getTime() <= Date.now()) {
    throw new AppError(
      "unauthenticated",
      "This sign-in link has expired or was already used. Start single sign-on again.",
    );
  }
  return { orgId: row.org_id, state, codeVerifier: row.code_verifier, nonce: row.nonce };
}
