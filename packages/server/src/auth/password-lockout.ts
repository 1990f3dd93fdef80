import { isLocked, lockAfterFailure } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { verifyPassword } from "./passwords.js";
import { recordUserEvent } from "./record-user-event.js";
import { signinActor } from "./signin-actor.js";

/** The account columns the lock-out rule reads, selected `FOR UPDATE` by the caller. */
export interface LockoutAccount {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  failed_signins: number;
  locked_until: Date | null;
}

/** What a locked account is told, by sign-in and by the SSO link page alike. */
export const LOCKED_MESSAGE = "This account is locked after repeated failed sign-ins. Try again later.";

/**
 * A password checked against an account under the lock-out rule, in the caller's transaction: a
 * locked account is refused before any check; a wrong password counts towards the lock (an audit
 * entry `user.signin_failed`, or `user.locked` when it locks); a right one clears earlier failures.
 * Without an account the password is still hashed, so the answer takes as long as for a real one.
 * `via` names where the password was typed when that is not the sign-in page (kept in the audit entry).
 */
export async function checkPasswordWithLockout(
  tx: Kysely<Database>,
  account: LockoutAccount | undefined,
  password: string,
  requestId: string,
  via?: string,
): Promise<"ok" | "locked" | "wrong"> {
  const now = new Date();
  if (account && isLocked(account.locked_until, now)) return "locked";
  const ok = await verifyPassword(account?.password_hash ?? null, password);
  if (!account) return "wrong";
  if (!ok) {
    const failed = account.failed_signins + 1;
    const lockedUntil = lockAfterFailure(failed, now);
    await tx
      .updateTable("users")
      .set({ failed_signins: lockedUntil ? 0 : failed, locked_until: lockedUntil })
      .where("id", "=", account.id)
      .execute();
    await recordUserEvent(tx, account.id, signinActor(account), requestId, {
      action: lockedUntil ? "user.locked" : "user.signin_failed",
      entityType: "user",
      entityId: account.id,
      changes: {
        ...(lockedUntil ? { lockedUntil: { before: null, after: lockedUntil.toISOString() } } : {}),
        ...(via ? { method: { before: null, after: via } } : {}),
      },
    });
    return "wrong";
  }
  if (account.failed_signins > 0 || account.locked_until) {
    await tx.updateTable("users").set({ failed_signins: 0, locked_until: null }).where("id", "=", account.id).execute();
  }
  return "ok";
}
