import { randomUUID } from "node:crypto";
import type { Routes, TreatmentActionStatus } from "@openaims/contracts";
import { diffChanges, treatmentActionTransitionAllowed } from "@openaims/core";
import { AppError, notFound, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidBody } from "./field-errors.js";
import { actionQuery, presentAction } from "./risk-detail.js";
import { lockRisk } from "./risk-queries.js";
import { checkMember } from "./risk-references.js";

async function checkOwner(
  tx: Parameters<typeof checkMember>[0],
  orgId: string,
  memberId: string | null | undefined,
): Promise<void> {
  if (!memberId) return;
  const problem = await checkMember(tx, orgId, memberId);
  if (problem) throw invalidBody([{ field: "ownerMemberId", message: problem }]);
}

export const createTreatmentAction: Handler<Routes["createTreatmentAction"]> = async ({ tx, org, input, audit }) => {
  const risk = await lockRisk(tx, org.orgId, input.params.riskId);
  if (risk.archived_at)
    throw new AppError("illegal_transition", `Risk ${risk.ref} is archived; it takes no new treatment actions.`);
  await checkOwner(tx, org.orgId, input.body.ownerMemberId);
  const id = randomUUID();
  await tx
    .insertInto("risk_treatment_actions")
    .values({
      id,
      org_id: org.orgId,
      risk_id: risk.id,
      title: input.body.title,
      owner_member_id: input.body.ownerMemberId,
      due_date: input.body.dueDate,
      status: "open",
    })
    .execute();
  await audit({
    action: "risk_action.created",
    entityType: "risk_treatment_action",
    entityId: id,
    changes: diffChanges(null, { riskId: risk.id, ...input.body, status: "open" }),
  });
  return presentAction(await actionQuery(tx, org.orgId).where("a.id", "=", id).executeTakeFirstOrThrow());
};

export const updateTreatmentAction: Handler<Routes["updateTreatmentAction"]> = async ({ tx, org, input, audit }) => {
  const { riskId, actionId } = input.params;
  const body = input.body;
  const action = await tx
    .selectFrom("risk_treatment_actions")
    .selectAll()
    .where("org_id", "=", org.orgId)
    .where("risk_id", "=", riskId)
    .where("id", "=", actionId)
    .forUpdate()
    .executeTakeFirst();
  if (!action) throw notFound("Treatment action", actionId);
  if (action.version !== body.version) throw staleVersion("treatment action", action.version, body.version);
  const from = action.status as TreatmentActionStatus;
  if (body.status !== undefined && !treatmentActionTransitionAllowed(from, body.status))
    throw new AppError(
      "illegal_transition",
      `This action is ${from === "done" ? "done" : "cancelled"}; add a new action instead of reopening it.`,
    );
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
    await tx
      .updateTable("risk_treatment_actions")
      .set({
        title: after.title,
        owner_member_id: after.ownerMemberId,
        due_date: after.dueDate,
        status: after.status,
        version: action.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", action.id)
      .execute();
    await audit({ action: "risk_action.updated", entityType: "risk_treatment_action", entityId: action.id, changes });
  }
  return presentAction(await actionQuery(tx, org.orgId).where("a.id", "=", action.id).executeTakeFirstOrThrow());
};
