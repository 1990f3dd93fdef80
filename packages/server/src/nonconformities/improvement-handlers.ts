import type { Improvement, ImprovementStatus, Routes } from "@openaims/contracts";
import { checkImprovementTransition, diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, notFound, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { invalidBody } from "../risks/field-errors.js";
import { checkMember } from "../risks/risk-references.js";
import { insertImprovement } from "./insert-improvement.js";
import { checkSourceRecord, loadSourceRefs } from "./source-records.js";

function improvementQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("improvements as i")
    .leftJoin("memberships as om", "om.id", "i.owner_member_id")
    .leftJoin("users as ou", "ou.id", "om.user_id")
    .leftJoin("memberships as rm", "rm.id", "i.raised_by_member_id")
    .leftJoin("users as ru", "ru.id", "rm.user_id")
    .selectAll("i")
    .select(["ou.name as owner_name", "ru.name as raised_by_name"])
    .where("i.org_id", "=", orgId);
}

type ImprovementRow = Awaited<ReturnType<ReturnType<typeof improvementQuery>["executeTakeFirstOrThrow"]>>;

function presentImprovement(row: ImprovementRow, refs: Map<string, string>): Improvement {
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    description: row.description,
    source: row.source as Improvement["source"],
    sourceId: row.source_id,
    sourceRef: row.source_id ? (refs.get(row.source_id) ?? null) : null,
    owner: row.owner_member_id && row.owner_name ? { memberId: row.owner_member_id, name: row.owner_name } : null,
    status: row.status as ImprovementStatus,
    declineReason: row.decline_reason,
    raisedBy:
      row.raised_by_member_id && row.raised_by_name
        ? { memberId: row.raised_by_member_id, name: row.raised_by_name }
        : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

async function loadImprovement(db: Kysely<Database>, orgId: string, id: string): Promise<Improvement> {
  const row = await improvementQuery(db, orgId).where("i.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Improvement", id);
  return presentImprovement(row, await loadSourceRefs(db, orgId, [{ source: row.source, sourceId: row.source_id }]));
}

async function checkOwner(db: Kysely<Database>, orgId: string, memberId: string | null | undefined) {
  if (!memberId) return;
  const problem = await checkMember(db, orgId, memberId);
  if (problem) throw invalidBody([{ field: "ownerMemberId", message: problem }]);
}

/** The improvement log, newest first. */
export const listImprovements: Handler<Routes["listImprovements"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, status, source, sourceId } = input.query;
  const sort = keysetSort("-createdAt", { createdAt: "i.created_at" }, "i.id");
  const cursor = parseCursor(rawCursor);
  let query = improvementQuery(tx, org.orgId).where("i.archived_at", "is", null);
  if (status) query = query.where("i.status", "=", status);
  if (source) query = query.where("i.source", "=", source);
  if (sourceId) query = query.where("i.source_id", "=", sourceId);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("i.created_at", "desc")
    .orderBy("i.id", "desc")
    .limit(limit + 1)
    .execute();
  const refs = await loadSourceRefs(
    tx,
    org.orgId,
    rows.map((row) => ({ source: row.source, sourceId: row.source_id })),
  );
  return pageOf(
    rows,
    limit,
    (row) => ({ k: cursorValue(row.created_at), id: row.id }),
    (row) => presentImprovement(row, refs),
  );
};

export const getImprovement: Handler<Routes["getImprovement"]> = async ({ tx, org, input }) =>
  loadImprovement(tx, org.orgId, input.params.improvementId);

/** Logs an opportunity for improvement (IMP-n, proposed), linked to the record it came from. */
export const createImprovement: Handler<Routes["createImprovement"]> = async ({ tx, org, input, audit }) => {
  const body = input.body;
  const problems = await checkSourceRecord(tx, org.orgId, body.source, body.sourceId);
  if (problems.length > 0) throw invalidBody(problems);
  await checkOwner(tx, org.orgId, body.ownerMemberId);
  const { id } = await insertImprovement(
    tx,
    org.orgId,
    {
      title: body.title,
      description: body.description,
      source: body.source,
      sourceId: body.sourceId ?? null,
      ownerMemberId: body.ownerMemberId,
      raisedByMemberId: org.membershipId,
    },
    audit,
  );
  return loadImprovement(tx, org.orgId, id);
};

/** Changes an improvement's facts, owner or status; declining needs a reason. */
export const updateImprovement: Handler<Routes["updateImprovement"]> = async ({ tx, org, input, audit }) => {
  const body = input.body;
  const row = await tx
    .selectFrom("improvements")
    .selectAll()
    .where("org_id", "=", org.orgId)
    .where("id", "=", input.params.improvementId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("Improvement", input.params.improvementId);
  if (row.version !== body.version) throw staleVersion("improvement", row.version, body.version);
  const from = row.status as ImprovementStatus;
  const to = body.status ?? from;
  const step = checkImprovementTransition(from, to);
  if (!step.ok) throw new AppError("illegal_transition", step.reason, { allowed: step.allowed });
  if (to === "declined" && from !== "declined" && !body.declineReason)
    throw invalidBody([{ field: "declineReason", message: "is needed to decline an improvement" }]);
  if (body.ownerMemberId !== undefined && body.ownerMemberId !== row.owner_member_id)
    await checkOwner(tx, org.orgId, body.ownerMemberId);
  const before = {
    title: row.title,
    description: row.description,
    ownerMemberId: row.owner_member_id,
    status: row.status,
    declineReason: row.decline_reason,
  };
  const after = {
    title: body.title ?? row.title,
    description: body.description ?? row.description,
    ownerMemberId: body.ownerMemberId === undefined ? row.owner_member_id : body.ownerMemberId,
    status: to,
    declineReason: to === "declined" ? (body.declineReason ?? row.decline_reason) : null,
  };
  const changes = diffChanges(before, after);
  if (Object.keys(changes).length > 0) {
    await tx
      .updateTable("improvements")
      .set({
        title: after.title,
        description: after.description,
        owner_member_id: after.ownerMemberId,
        status: after.status,
        decline_reason: after.declineReason,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", row.id)
      .execute();
    await audit({ action: "improvement.updated", entityType: "improvement", entityId: row.id, changes });
  }
  return loadImprovement(tx, org.orgId, row.id);
};
