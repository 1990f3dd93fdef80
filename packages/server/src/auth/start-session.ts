import type { sessionResponseSchema } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { ServerDeps } from "../http/handler-context.js";
import { loadMe } from "../me/present-me.js";
import { setSessionCookie } from "./session-cookie.js";
import { createSession, csrfTokenFor } from "./sessions.js";

/** Opens a session for a person, sets the cookie, and answers with who they are and their CSRF token. */
export async function startSession(
  tx: Kysely<Database>,
  deps: ServerDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  method: Database["sessions"]["method"],
  boundOrgId: string | null = null,
): Promise<z.input<typeof sessionResponseSchema>> {
  const session = await createSession(tx, {
    userId,
    method,
    ttlHours: deps.config.sessionTtlHours,
    ip: request.ip,
    userAgent: request.headers["user-agent"] ?? null,
    boundOrgId,
  });
  setSessionCookie(reply, deps.config, session.secret, session.expiresAt);
  const me = await loadMe(tx, { userId, via: "session", boundOrgId });
  return { me, csrfToken: csrfTokenFor(session.secret) };
}
