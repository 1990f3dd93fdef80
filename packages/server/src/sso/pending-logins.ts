import { hashSecret } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { randomNonce, randomPKCECodeVerifier, randomState } from "openid-client";
import { AppError } from "../http/app-error.js";
import { newBrowserSecret, SSO_COOKIE_TTL_SECONDS } from "./sso-cookies.js";

const LOGIN_TTL_MS = SSO_COOKIE_TTL_SECONDS * 1000;
const EXPIRED = "This sign-in link has expired or was already used. Start single sign-on again.";
const OTHER_BROWSER =
  "This answer from the identity provider belongs to a sign-in that was not started in this browser (or was replaced by a newer one, or the browser refused its cookie). Start single sign-on again here.";

/** A sign-in that left for the identity provider and has not come back yet. */
export interface PendingLogin {
  orgId: string;
  state: string;
  codeVerifier: string;
  nonce: string;
}

/**
 * The callback arrived in a browser without the binding cookie of this sign-in. The pending sign-in
 * is left as it was, so the browser that started it can still finish, and this browser's own cookie
 * (if any) is left alone too: it may belong to another sign-in still under way here.
 */
export class NotThisBrowserError extends AppError {
  constructor() {
    super("unauthenticated", OTHER_BROWSER);
  }
}

/**
 * Records a sign-in about to leave for the identity provider. Only hashes are stored: of `state`, so
 * whichever server instance receives the callback can find it, and of a random secret the starting
 * browser keeps in a cookie, so only that browser can finish it.
 */
export async function beginPendingLogin(
  db: Kysely<Database>,
  orgId: string,
): Promise<{ login: PendingLogin; browserSecret: string }> {
  const login = { orgId, state: randomState(), codeVerifier: randomPKCECodeVerifier(), nonce: randomNonce() };
  const browserSecret = newBrowserSecret();
  const now = Date.now();
  await db.deleteFrom("sso_logins").where("expires_at", "<", new Date(now)).execute();
  await db
    .insertInto("sso_logins")
    .values({
      state_hash: hashSecret(login.state),
      org_id: orgId,
      code_verifier: login.codeVerifier,
      nonce: login.nonce,
      browser_binding_hash: hashSecret(browserSecret),
      expires_at: new Date(now + LOGIN_TTL_MS),
    })
    .execute();
  return { login, browserSecret };
}

/**
 * Removes and returns the pending sign-in for `state`, only when this browser holds its binding
 * secret. One statement matches both hashes, deletes and reads, so a state is redeemed once even
 * when the same callback reaches two instances at the same moment, and a callback replayed in
 * another browser neither finishes nor spends it.
 */
export async function takePendingLogin(
  db: Kysely<Database>,
  state: string,
  browserSecret: string | undefined,
): Promise<PendingLogin> {
  if (!browserSecret) {
    // Tell "another browser" from "expired" only for a state that is still waiting.
    throw (await isWaiting(db, state)) ? new NotThisBrowserError() : new AppError("unauthenticated", EXPIRED);
  }
  const row = await db
    .deleteFrom("sso_logins")
    .where("state_hash", "=", hashSecret(state))
    .where("browser_binding_hash", "=", hashSecret(browserSecret))
    .returning(["org_id", "code_verifier", "nonce", "expires_at"])
    .executeTakeFirst();
  if (row && row.expires_at.getTime() > Date.now()) {
    return { orgId: row.org_id, state, codeVerifier: row.code_verifier, nonce: row.nonce };
  }
  if (!row && (await isWaiting(db, state))) throw new NotThisBrowserError();
  throw new AppError("unauthenticated", EXPIRED);
}

async function isWaiting(db: Kysely<Database>, state: string): Promise<boolean> {
  const row = await db
    .selectFrom("sso_logins")
    .select("expires_at")
    .where("state_hash", "=", hashSecret(state))
    .executeTakeFirst();
  return Boolean(row && row.expires_at.getTime() > Date.now());
}
