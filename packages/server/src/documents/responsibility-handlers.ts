import { randomUUID } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import { AppError, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, pageOf, parseCursor } from "../http/keyset.js";
import { checkMembers, checkSystems, refuseProblems } from "./reference-checks.js";
import {
  findDuplicate,
  findResponsibility,
  presentResponsibility,
  type ResponsibilityRow,
  responsibilityQuery,
} from "./responsibility-queries.js";

const ORDER = { column: "r.created_at", direction: "asc", idColumn: "r.id" } as const;

export const listResponsibilities: Handler<Routes["listResponsibilities"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, subjectType, systemId, process, memberId, status } = input.query;
  const cursor = parseCursor(rawCursor);
  let query = responsibilityQuery(tx, org.orgId);
  if (subjectType) query = query.where("r.subject_type", "=", subjectType);
  if (systemId) query = query.where("r.system_id", "=", systemId);
  if (process) query = query.where("r.process", "=", process);
  if (memberId) query = query.where("r.member_id", "=", memberId);
  if (status === "active") query = query.where("r.archived_at", "is", null);
  if (status === "archived") query = query.where("r.archived_at", "is not", null);
  if (cursor) query = query.where(afterCursor(ORDER, cursor));
  const rows = await query
    .orderBy("r.created_at")
    .orderBy("r.id")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row.created_at), id: row.id }), presentResponsibility);
};

/** "Alex is already accountable for risk management." */
function duplicateError(row: Pick<ResponsibilityRow, "member_name">, role: string, subject: string): AppError {
  return new AppError("conflict", `${row.member_name} is already ${role} for ${subject}.`);
}

export const createResponsibility: Handler<Routes["createResponsibility"]> = async ({ tx, org, input, audit }) => {
  const body = input.body;
  const systemId = body.subjectType === "system" ? body.systemId : null;
  const process = body.subjectType === "process" ? body.process : null;
  refuseProblems([
    ...(await checkMembers(tx, org.orgId, "memberId", [body.memberId])),
    ...(systemId ? await checkSystems(tx, org.orgId, "systemId", [systemId]) : []),
  ]);
  if (await findDuplicate(tx, org.orgId, { systemId, process }, body.memberId, body.raciRole)) {
    const member = await tx
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select("users.name as member_name")
      .where("memberships.id", "=", body.memberId)
      .executeTakeFirstOrThrow();
    throw duplicateError(member, body.raciRole, process ? process.replaceAll("_", " ") : "this AI system");
  }
  const id = randomUUID();
  await tx
    .insertInto("responsibility_assignments")
    .values({
      id,
      org_id: org.orgId,
      subject_type: body.subjectType,
      system_id: systemId,
      process,
      member_id: body.memberId,
      raci_role: body.raciRole,
      note: body.note,
    })
    .execute();
  await audit({
    action: "responsibility.assigned",
    entityType: "responsibility",
    entityId: id,
    changes: diffChanges(null, {
      subjectType: body.subjectType,
      systemId,
      process,
      memberId: body.memberId,
      raciRole: body.raciRole,
      note: body.note || null,
    }),
  });
  return presentResponsibility(await findResponsibility(tx, org.orgId, id));
};

export const updateResponsibility: Handler<Routes["updateResponsibility"]> = async ({ tx, org, input, audit }) => {
  const row = await findResponsibility(tx, org.orgId, input.params.assignmentId, true);
  if (row.archived_at)
    throw new AppError("illegal_transition", "This assignment has ended; make a new one instead of changing it.");
  if (row.version !== input.body.version) throw staleVersion("assignment", row.version, input.body.version);
  const next = { raciRole: input.body.raciRole ?? row.raci_role, note: input.body.note ?? row.note };
  if (
    next.raciRole !== row.raci_role &&
    (await findDuplicate(
      tx,
      org.orgId,
      { systemId: row.system_id, process: row.process },
      row.member_id,
      next.raciRole,
      row.id,
    ))
  )
    throw duplicateError(
      row,
      next.raciRole,
      row.process ? row.process.replaceAll("_", " ") : (row.system_name ?? "this AI system"),
    );
  const changes = diffChanges({ raciRole: row.raci_role, note: row.note }, next);
  if (Object.keys(changes).length > 0) {
    await tx
      .updateTable("responsibility_assignments")
      .set({ raci_role: next.raciRole, note: next.note, version: row.version + 1, updated_at: new Date() })
      .where("id", "=", row.id)
      .execute();
    await audit({ action: "responsibility.updated", entityType: "responsibility", entityId: row.id, changes });
  }
  return presentResponsibility(await findResponsibility(tx, org.orgId, row.id));
};

export const archiveResponsibility: Handler<Routes["archiveResponsibility"]> = async ({ tx, org, input, audit }) => {
  const row = await findResponsibility(tx, org.orgId, input.params.assignmentId, true);
  if (row.archived_at) throw new AppError("illegal_transition", "This assignment has already ended.");
  if (row.version !== input.body.version) throw staleVersion("assignment", row.version, input.body.version);
  const now = new Date();
  await tx
    .updateTable("responsibility_assignments")
    .set({ archived_at: now, archive_reason: input.body.reason, version: row.version + 1, updated_at: now })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "responsibility.archived",
    entityType: "responsibility",
    entityId: row.id,
    changes: {
      status: { before: "active", after: "archived" },
      archiveReason: { before: null, after: input.body.reason },
    },
  });
  return presentResponsibility(await findResponsibility(tx, org.orgId, row.id));
};
