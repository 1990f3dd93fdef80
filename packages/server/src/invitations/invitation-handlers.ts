import { randomUUID } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { canGrantRole, generateSecret, hashSecret } from "@openaims/core";
import { AppError, forbidden, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { findInvitation, invitationQuery, presentInvitation } from "./invitation-queries.js";
import { sendInvitationEmail } from "./send-invitation-email.js";

export const listInvitations: Handler<Routes["listInvitations"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, status } = input.query;
  const sort = keysetSort("-createdAt", { createdAt: "invitations.created_at" }, "invitations.id");
  const cursor = parseCursor(rawCursor);
  const now = new Date();
  let query = invitationQuery(tx, org.orgId);
  if (status === "accepted") query = query.where("invitations.accepted_at", "is not", null);
  if (status === "revoked")
    query = query.where("invitations.revoked_at", "is not", null).where("invitations.accepted_at", "is", null);
  if (status === "pending" || status === "expired") {
    query = query
      .where("invitations.accepted_at", "is", null)
      .where("invitations.revoked_at", "is", null)
      .where("invitations.expires_at", status === "pending" ? ">" : "<=", now);
  }
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("invitations.created_at", "desc")
    .orderBy("invitations.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: row.created_at.toISOString(), id: row.id }), presentInvitation);
};

export const createInvitation: Handler<Routes["createInvitation"]> = async ({
  tx,
  org,
  actor,
  input,
  audit,
  deps,
  afterCommit,
}) => {
  const { email, role, expiresInDays } = input.body;
  if (!canGrantRole(org.role, role)) throw forbidden("Only an owner can invite someone as owner.");
  const existingMember = await tx
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select("memberships.id")
    .where("memberships.org_id", "=", org.orgId)
    .where("users.email", "=", email)
    .where("memberships.archived_at", "is", null)
    .executeTakeFirst();
  if (existingMember) throw new AppError("conflict", `${email} is already a member of this organisation.`);
  const secret = generateSecret("invite");
  const id = randomUUID();
  await tx
    .insertInto("invitations")
    .values({
      id,
      org_id: org.orgId,
      email,
      role,
      token_hash: hashSecret(secret),
      invited_by: actor.userId,
      expires_at: new Date(Date.now() + expiresInDays * 86_400_000),
    })
    .execute();
  await audit({
    action: "invitation.created",
    entityType: "invitation",
    entityId: id,
    changes: { email: { before: null, after: email }, role: { before: null, after: role } },
  });
  const invitation = presentInvitation(await findInvitation(tx, org.orgId, id));
  const acceptUrl = `${deps.config.publicUrl}/invite?token=${encodeURIComponent(secret)}`;
  const { name: orgName } = await tx
    .selectFrom("organizations")
    .select("name")
    .where("id", "=", org.orgId)
    .executeTakeFirstOrThrow();
  const result = { invitation, acceptUrl, emailSent: false };
  afterCommit(async () => {
    result.emailSent = await sendInvitationEmail(deps.mailer, { orgName, inviter: actor.name, email, role, acceptUrl });
  });
  return result;
};

export const revokeInvitation: Handler<Routes["revokeInvitation"]> = async ({ tx, org, input, audit }) => {
  const row = await findInvitation(tx, org.orgId, input.params.invitationId, true);
  if (row.version !== input.body.version) throw staleVersion("invitation", row.version, input.body.version);
  const status = presentInvitation(row).status;
  if (status !== "pending")
    throw new AppError("illegal_transition", `Only a pending invitation can be revoked; this one is ${status}.`);
  await tx
    .updateTable("invitations")
    .set({ revoked_at: new Date(), version: row.version + 1, updated_at: new Date() })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "invitation.revoked",
    entityType: "invitation",
    entityId: row.id,
    changes: { status: { before: "pending", after: "revoked" } },
  });
  return presentInvitation(await findInvitation(tx, org.orgId, row.id));
};
