import { randomUUID } from "node:crypto";
import type { CorrectiveActionStatus, Routes } from "@openaims/contracts";
import { checkCorrectiveActionTransition, diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, notFound, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidBody } from "../risks/field-errors.js";
import { checkMember } from "../risks/risk-references.js";
import { correctiveActionQuery, lockNonconformity, presentCorrectiveAction } from "./nonconformity-queries.js";
import { settleNonconformityStatus } from "./nonconformity-status.js";

async function checkOwner(tx: Kysely<Database>, orgId: string, memberId: string | null | undefined) {
  if (!memberId) return;
  const problem = await checkMember(tx, orgId, memberId);
  if (problem) throw invalidBody([{ field: "ownerMemberId", message: problem }]);
}

function refuseClosed(row: { ref: string; status: string }) {
  if (row.status === "closed")
    throw new AppError(
      "illegal_transition",
      `Nonconformity ${row.ref} is closed; its corrective actions no longer change. Raise a new nonconformity if the problem has come back.`,
    );
}

async function loadAction(tx: Kysely<Database>, orgId: string, id: string) {
  return presentCorrectiveAction(
    await correctiveActionQuery(tx, orgId).where("a.id", "=", id).executeTakeFirstOrThrow(),
  );
}

/** Plans a corrective action; an open nonconformity (or one awaiting its check) then has action planned. */
export const createCorrectiveAction: Handler<Routes["createCorrectiveAction"]> = async ({ tx, org, input, audit }) => {
  const nc = await lockNonconformity(tx, org.orgId, input.params.nonconformityId);
  refuseClosed(nc);
  await checkOwner(tx, org.orgId, input.body.ownerMemberId);
  const id = randomUUID();
  await tx
    .insertInto("corrective_actions")
    .values({
      id,
      org_id: org.orgId,
      nonconformity_id: nc.id,
      title: input.body.title,
      owner_member_id: input.body.ownerMemberId,
      due_date: input.body.dueDate,
      status: "open",
      done_at: null,
    })
    .execute();
  await audit({
    action: "corrective_action.created",
    entityType: "corrective_action",
    entityId: id,
    changes: diffChanges(null, { nonconformityId: nc.id, ...input.body, status: "open" }),
  });
  await settleNonconformityStatus(tx, nc, audit);
  return loadAction(tx, org.orgId, id);
};

/** Changes a corrective action; its status moves open → in progress → done, or to cancelled. */
export const updateCorrectiveAction: Handler<Routes["updateCorrectiveAction"]> = async ({ tx, org, input, audit }) => {
  const { nonconformityId, correctiveActionId } = input.params;
  const body = input.body;
  const nc = await lockNonconformity(tx, org.orgId, nonconformityId);
  const action = await tx
    .selectFrom("corrective_actions")
    .selectAll()
    .where("org_id", "=", org.orgId)
    .where("nonconformity_id", "=", nc.id)
    .where("id", "=", correctiveActionId)
    .forUpdate()
    .executeTakeFirst();
  if (!action) throw notFound("Corrective action", correctiveActionId);
  if (action.version !== body.version) throw staleVersion("corrective action", action.version, body.version);
  refuseClosed(nc);
  const from = action.status as CorrectiveActionStatus;
  if (body.status !== undefined) {
    const step = checkCorrectiveActionTransition(from, body.status);
    if (!step.ok) throw new AppError("illegal_transition", step.reason, { allowed: step.allowed });
  }
  if (body.ownerMemberId !== undefined && body.ownerMemberId !== action.owner_member_id)
    await checkOwner(tx, org.orgId, body.ownerMemberId);
  const before = {
    title: action.title,
    ownerMemberId: action.owner_member_id,
    dueDate: action.due_date,
    status: action.status,
  };
  const after = {
    title: body.title ?? action.title,
    ownerMemberId: body.ownerMemberId === undefined ? action.owner_member_id : body.ownerMemberId,
    dueDate: body.dueDate === undefined ? action.due_date : body.dueDate,
    status: body.status ?? action.status,
  };
  const changes = diffChanges(before, after);
  if (Object.keys(changes).length > 0) {
    const now = new Date();
    await tx
      .updateTable("corrective_actions")
      .set({
        title: after.title,
        owner_member_id: after.ownerMemberId,
        due_date: after.dueDate,
        status: after.status,
        done_at: after.status === "done" && from !== "done" ? now : action.done_at,
        version: action.version + 1,
        updated_at: now,
      })
      .where("id", "=", action.id)
      .execute();
    await audit({ action: "corrective_action.updated", entityType: "corrective_action", entityId: action.id, changes });
    if (changes.status) await settleNonconformityStatus(tx, nc, audit);
  }
  return loadAction(tx, org.orgId, action.id);
};
