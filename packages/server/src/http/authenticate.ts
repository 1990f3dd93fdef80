import type { Database } from "@openaims/db";
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { findSessionActor, SESSION_COOKIE } from "../auth/sessions.js";
import { findTokenActor } from "../tokens/find-token-actor.js";
import { AppError } from "./app-error.js";
import type { Actor } from "./handler-context.js";

/**
 * Resolves the caller from `Authorization: Bearer <token>` or the session cookie.
 * A bearer header that does not resolve is an error, never a silent fall-back to the cookie.
 */
export async function authenticate(db: Kysely<Database>, request: FastifyRequest): Promise<Actor | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S{10,200})$/i.exec(header);
    const actor = match?.[1] ? await findTokenActor(db, match[1]) : null;
    if (!actor) throw new AppError("unauthenticated", "The API token is invalid, expired or revoked.");
    return actor;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? findSessionActor(db, cookie) : null;
}
