import { randomUUID } from "node:crypto";
import type { Role, Routes } from "@openaims/contracts";
import { fieldMessage } from "@openaims/contracts";
import { hashSecret } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { appendAuditEntry } from "../audit/append-audit-entry.js";
import { createUser } from "../auth/create-user.js";
import { signinActor } from "../auth/signin-actor.js";
import { startSession } from "../auth/start-session.js";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidFields } from "../http/invalid-fields.js";
import { invitationStatus } from "./invitation-queries.js";

const INVALID = "This invitation link is invalid, already used, revoked or expired. Ask for a new one.";

async function findPendingInvitation(db: Kysely<Database>, token: string, forUpdate: boolean) {
  let query = db
    .selectFrom("invitations")
    .innerJoin("organizations", "organizations.id", "invitations.org_id")
    .select([
      "invitations.id",
      "invitations.org_id",
      "invitations.email",
      "invitations.role",
      "invitations.version",
      "invitations.expires_at",
      "invitations.accepted_at",
      "invitations.revoked_at",
      "organizations.name as org_name",
    ])
    .where("invitations.token_hash", "=", hashSecret(token))
    .where("organizations.archived_at", "is", null);
  if (forUpdate) query = query.forUpdate(["invitations"]);
  const row = await query.executeTakeFirst();
  if (!row || invitationStatus(row) !== "pending") throw new AppError("not_found", INVALID);
  return row;
}

export const previewInvitation: Handler<Routes["previewInvitation"]> = async ({ tx, input }) => {
  const row = await findPendingInvitation(tx, input.query.token, false);
  const user = await tx.selectFrom("users").select("id").where("email", "=", row.email).executeTakeFirst();
  return {
    orgId: row.org_id,
    orgName: row.org_name,
    email: row.email,
    role: row.role as Role,
    accountExists: Boolean(user),
  };
};

export const acceptInvitation: Handler<Routes["acceptInvitation"]> = async ({
  tx,
  input,
  actor,
  deps,
  request,
  reply,
  requestId,
}) => {
  const invitation = await findPendingInvitation(tx, input.body.token, true);
  let user = await tx
    .selectFrom("users")
    .select(["id", "email", "name"])
    .where("email", "=", invitation.email)
    .executeTakeFirst();
  if (user) {
    if (actor?.via !== "session" || actor.userId !== user.id) {
      throw new AppError(
        "unauthenticated",
        `Sign in as ${invitation.email} first, then open the invitation link again.`,
      );
    }
    if (actor.boundOrgId && actor.boundOrgId !== invitation.org_id) {
      throw new AppError(
        "forbidden",
        "A single sign-on session covers only its own organisation. Sign in with your password to accept.",
      );
    }
  } else {
    const { name, password } = input.body;
    if (!name || !password) {
      throw invalidFields([
        ...(name ? [] : [fieldMessage("body.name", "is required to create your account")]),
        ...(password ? [] : [fieldMessage("body.password", "is required to create your account")]),
      ]);
    }
    user = await createUser(tx, { email: invitation.email, name, password });
  }
  const membership = await upsertMembership(tx, invitation.org_id, user.id, invitation.role);
  const now = new Date();
  await tx
    .updateTable("invitations")
    .set({ accepted_at: now, accepted_by: user.id, version: invitation.version + 1, updated_at: now })
    .where("id", "=", invitation.id)
    .execute();
  const base = { orgId: invitation.org_id, actor: signinActor(user), requestId };
  await appendAuditEntry(tx, {
    ...base,
    action: "invitation.accepted",
    entityType: "invitation",
    entityId: invitation.id,
    changes: { status: { before: "pending", after: "accepted" } },
  });
  await appendAuditEntry(tx, {
    ...base,
    action: "member.added",
    entityType: "member",
    entityId: membership.id,
    changes: {
      userId: { before: null, after: user.id },
      role: { before: membership.previousRole, after: invitation.role },
    },
  });
  return startSession(tx, deps, request, reply, user.id, "invitation");
};

/** Adds the person to the organisation, or brings back their archived membership with the new role. */
async function upsertMembership(tx: Kysely<Database>, orgId: string, userId: string, role: string) {
  const existing = await tx
    .selectFrom("memberships")
    .select(["id", "role", "version", "archived_at"])
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  if (existing && !existing.archived_at)
    throw new AppError("conflict", "You are already a member of this organisation.");
  if (existing) {
    await tx
      .updateTable("memberships")
      .set({ role, archived_at: null, archive_reason: null, version: existing.version + 1, updated_at: new Date() })
      .where("id", "=", existing.id)
      .execute();
    return { id: existing.id, previousRole: existing.role };
  }
  const id = randomUUID();
  await tx.insertInto("memberships").values({ id, org_id: orgId, user_id: userId, role }).execute();
  return { id, previousRole: null };
}
