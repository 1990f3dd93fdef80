import { randomUUID } from "node:crypto";
import { generateSecret, hashSecret } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { Actor } from "../http/handler-context.js";

export const SESSION_COOKIE = "aims_session";
/** Sessions seen within this window are not touched again, to keep reads free of writes. */
const TOUCH_AFTER_MS = 5 * 60_000;

/**
 * The CSRF token of a session, derived from its secret: the browser script can only learn it from
 * the API (it cannot read the HttpOnly cookie), and the server stores nothing extra.
 */
export function csrfTokenFor(sessionSecret: string): string {
  return hashSecret(`csrf:${sessionSecret}`);
}

export async function createSession(
  tx: Kysely<Database>,
  input: {
    userId: string;
    method: Database["sessions"]["method"];
    ttlHours: number;
    ip: string | null;
    userAgent: string | null;
    boundOrgId?: string | null;
  },
): Promise<{ id: string; secret: string; expiresAt: Date }> {
  const secret = generateSecret("session");
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + input.ttlHours * 3_600_000);
  await tx
    .insertInto("sessions")
    .values({
      id,
      token_hash: hashSecret(secret),
      user_id: input.userId,
      method: input.method,
      org_id: input.boundOrgId ?? null,
      expires_at: expiresAt,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
  return { id, secret, expiresAt };
}

/** The person behind a session cookie, or null when it is unknown, revoked or expired. */
export async function findSessionActor(db: Kysely<Database>, secret: string): Promise<Actor | null> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id",
      "sessions.last_seen_at",
      "sessions.org_id",
      "users.id as user_id",
      "users.email",
      "users.name",
    ])
    .where("sessions.token_hash", "=", hashSecret(secret))
    .where("sessions.revoked_at", "is", null)
    .where("sessions.expires_at", ">", new Date())
    .executeTakeFirst();
  if (!row) return null;
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    await db.updateTable("sessions").set({ last_seen_at: new Date() }).where("id", "=", row.id).execute();
  }
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    via: "session",
    sessionId: row.id,
    csrfToken: csrfTokenFor(secret),
    token: null,
    boundOrgId: row.org_id,
  };
}

export async function revokeSession(tx: Kysely<Database>, sessionId: string): Promise<void> {
  await tx.updateTable("sessions").set({ revoked_at: new Date() }).where("id", "=", sessionId).execute();
}

/** Ends every session of a person except, optionally, the current one. */
export async function revokeOtherSessions(tx: Kysely<Database>, userId: string, keep: string | null): Promise<void> {
  let query = tx
    .updateTable("sessions")
    .set({ revoked_at: new Date() })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null);
  if (keep) query = query.where("id", "!=", keep);
  await query.execute();
}
