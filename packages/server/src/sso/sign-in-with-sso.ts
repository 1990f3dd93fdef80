import { randomUUID } from "node:crypto";
import type { Database } from "@openaims/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { appendAuditEntry } from "../audit/append-audit-entry.js";
import { createUser } from "../auth/create-user.js";
import { recordUserEvent } from "../auth/record-user-event.js";
import { signinActor } from "../auth/signin-actor.js";
import { startSession } from "../auth/start-session.js";
import { AppError } from "../http/app-error.js";
import type { ServerDeps } from "../http/handler-context.js";

export interface SsoSignIn {
  orgId: string;
  email: string;
  name: string;
  defaultRole: string;
  requestId: string;
}

/**
 * Signs in a person the organisation's identity provider vouched for, inside one transaction.
 * A verified address in an allowed domain is enough to get an account (without a password) and a
 * membership with the configured role. A membership an administrator archived stays archived: the
 * provider's word does not undo a removal.
 */
export async function signInWithSso(
  tx: Kysely<Database>,
  http: { deps: ServerDeps; request: FastifyRequest; reply: FastifyReply },
  input: SsoSignIn,
): Promise<void> {
  const user =
    (await tx
      .selectFrom("users")
      .select(["id", "email", "name"])
      .where("email", "=", input.email)
      .executeTakeFirst()) ?? (await createUser(tx, { email: input.email, name: input.name, password: null }));
  const membership = await tx
    .selectFrom("memberships")
    .innerJoin("organizations", "organizations.id", "memberships.org_id")
    .select(["memberships.id", "memberships.archived_at", "organizations.name as org_name"])
    .where("memberships.org_id", "=", input.orgId)
    .where("memberships.user_id", "=", user.id)
    .forUpdate(["memberships"])
    .executeTakeFirst();
  if (membership?.archived_at) {
    throw new AppError(
      "forbidden",
      `An administrator removed ${user.email} from ${membership.org_name}. Ask them to invite you again.`,
    );
  }
  const actor = signinActor(user);
  if (!membership) {
    const id = randomUUID();
    await tx
      .insertInto("memberships")
      .values({ id, org_id: input.orgId, user_id: user.id, role: input.defaultRole })
      .execute();
    await appendAuditEntry(tx, {
      orgId: input.orgId,
      actor,
      requestId: input.requestId,
      action: "member.added",
      entityType: "member",
      entityId: id,
      changes: {
        userId: { before: null, after: user.id },
        role: { before: null, after: input.defaultRole },
        via: { before: null, after: "sso" },
      },
    });
  }
  await recordUserEvent(tx, user.id, actor, input.requestId, {
    action: "user.signed_in",
    entityType: "user",
    entityId: user.id,
    changes: { method: { before: null, after: "sso" } },
  });
  // The session covers this organisation only: its identity provider vouches for nobody elsewhere.
  await startSession(tx, http.deps, http.request, http.reply, user.id, "sso", input.orgId);
}
