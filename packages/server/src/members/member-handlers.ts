import type { Role, Routes } from "@openaims/contracts";
import { checkRoleChange, type RoleChangeRefusal } from "@openaims/core";
import { AppError, forbidden, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { countActiveOwners, findMember, memberQuery, presentMember } from "./member-queries.js";

const SORT_COLUMNS = { name: "users.name", email: "users.email", createdAt: "memberships.created_at" };

export const listMembers: Handler<Routes["listMembers"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, role, status, q, sort: sortKey } = input.query;
  const sort = keysetSort(sortKey, SORT_COLUMNS, "memberships.id");
  const cursor = parseCursor(rawCursor);
  let query = memberQuery(tx, org.orgId);
  if (role) query = query.where("memberships.role", "=", role);
  if (status === "active") query = query.where("memberships.archived_at", "is", null);
  if (status === "archived") query = query.where("memberships.archived_at", "is not", null);
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb("users.name", "ilike", like), eb("users.email", "ilike", like)]));
  }
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy(sort.column as "users.name", sort.direction)
    .orderBy("memberships.id", sort.direction)
    .limit(limit + 1)
    .execute();
  const keyColumn = { "users.name": "name", "users.email": "email", "memberships.created_at": "created_at" }[
    sort.column
  ] as "name" | "email" | "created_at";
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row[keyColumn]), id: row.id }), presentMember);
};

export const getMember: Handler<Routes["getMember"]> = async ({ tx, org, input }) =>
  presentMember(await findMember(tx, org.orgId, input.params.memberId));

const refusalMessage: Record<Exclude<RoleChangeRefusal, null>, AppError> = {
  only_owner_manages_owners: forbidden("Only an owner can grant or remove the owner role."),
  last_owner: new AppError(
    "illegal_transition",
    "An organisation needs at least one owner. Make someone else an owner first.",
  ),
};

export const updateMember: Handler<Routes["updateMember"]> = async ({ tx, org, input, audit }) => {
  const member = await findMember(tx, org.orgId, input.params.memberId, true);
  if (member.archived_at)
    throw new AppError("illegal_transition", "This member has been removed; invite them again instead.");
  if (member.version !== input.body.version) throw staleVersion("member", member.version, input.body.version);
  if (member.role === input.body.role) return presentMember(member);
  const refusal = checkRoleChange({
    actorRole: org.role,
    currentRole: member.role as Role,
    nextRole: input.body.role,
    activeOwnerCount: await countActiveOwners(tx, org.orgId),
  });
  if (refusal) throw refusalMessage[refusal];
  await tx
    .updateTable("memberships")
    .set({ role: input.body.role, version: member.version + 1, updated_at: new Date() })
    .where("id", "=", member.id)
    .execute();
  await audit({
    action: "member.role_changed",
    entityType: "member",
    entityId: member.id,
    changes: { role: { before: member.role, after: input.body.role } },
  });
  return presentMember(await findMember(tx, org.orgId, member.id));
};

export const archiveMember: Handler<Routes["archiveMember"]> = async ({ tx, org, input, audit }) => {
  const member = await findMember(tx, org.orgId, input.params.memberId, true);
  if (member.archived_at) throw new AppError("illegal_transition", "This member has already been removed.");
  if (member.version !== input.body.version) throw staleVersion("member", member.version, input.body.version);
  const refusal = checkRoleChange({
    actorRole: org.role,
    currentRole: member.role as Role,
    nextRole: "archived",
    activeOwnerCount: await countActiveOwners(tx, org.orgId),
  });
  if (refusal) throw refusalMessage[refusal];
  const now = new Date();
  await tx
    .updateTable("memberships")
    .set({ archived_at: now, archive_reason: input.body.reason, version: member.version + 1, updated_at: now })
    .where("id", "=", member.id)
    .execute();
  // Their tokens for this organisation stop working with the membership.
  await tx
    .updateTable("api_tokens")
    .set({ revoked_at: now })
    .where("org_id", "=", org.orgId)
    .where("user_id", "=", member.user_id)
    .where("revoked_at", "is", null)
    .execute();
  await audit({
    action: "member.archived",
    entityType: "member",
    entityId: member.id,
    changes: {
      status: { before: "active", after: "archived" },
      archiveReason: { before: null, after: input.body.reason },
    },
  });
  return presentMember(await findMember(tx, org.orgId, member.id));
};
