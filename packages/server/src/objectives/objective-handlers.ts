import { randomUUID } from "node:crypto";
import type { ObjectiveDirection, ObjectiveStatus, Routes } from "@openaims/contracts";
import { checkObjectiveStatusTransition, checkObjectiveTarget, diffChanges } from "@openaims/core";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { nextRef } from "../records/next-ref.js";
import { invalidBody } from "../risks/field-errors.js";
import { loadObjectiveDetail, lockObjective, presentObjective } from "./objective-queries.js";
import { checkObjectiveReferences } from "./objective-references.js";
import { objectiveStandingQuery } from "./objective-standing-query.js";

/** The target must lie in the objective's direction from the baseline, or progress means nothing. */
function refuseTargetAgainstBaseline(values: {
  baseline: number | null;
  target: number;
  direction: ObjectiveDirection;
}) {
  const check = checkObjectiveTarget(values);
  if (!check.ok) throw invalidBody([{ field: "target", message: check.reason }]);
}

/** Objectives, oldest first, with progress and state as of now; by status and owner. */
export const listObjectives: Handler<Routes["listObjectives"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, status, ownerMemberId, archived } = input.query;
  const sort = keysetSort("createdAt", { createdAt: "o.created_at" }, "o.id");
  const cursor = parseCursor(rawCursor);
  const now = new Date();
  let query = objectiveStandingQuery(tx, org.orgId, now);
  if (status) query = query.where("o.status", "=", status);
  if (ownerMemberId) query = query.where("o.owner_member_id", "=", ownerMemberId);
  if (archived === "active") query = query.where("o.archived_at", "is", null);
  if (archived === "archived") query = query.where("o.archived_at", "is not", null);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("o.created_at")
    .orderBy("o.id")
    .limit(limit + 1)
    .execute();
  return pageOf(
    rows,
    limit,
    (row) => ({ k: cursorValue(row.created_at), id: row.id }),
    (row) => presentObjective(row, now),
  );
};

export const getObjective: Handler<Routes["getObjective"]> = async ({ tx, org, input }) =>
  loadObjectiveDetail(tx, org.orgId, input.params.objectiveId);

/** Sets an objective (OBJ-n, active) with its measure, target, owner and plan. */
export const createObjective: Handler<Routes["createObjective"]> = async ({ tx, org, input, audit }) => {
  const body = input.body;
  refuseTargetAgainstBaseline(body);
  await checkObjectiveReferences(tx, org.orgId, body);
  const id = randomUUID();
  const ref = await nextRef(tx, org.orgId, "objective", "OBJ");
  const values = {
    title: body.title,
    rationale: body.rationale,
    measure_kind: body.measureKind,
    measure: body.measure,
    metric_id: body.measureKind === "metric" ? body.metricId : null,
    unit: body.unit,
    baseline: body.baseline,
    target: body.target,
    direction: body.direction,
    owner_member_id: body.ownerMemberId,
    due_date: body.dueDate,
    plan_what: body.planWhat,
    plan_resources: body.planResources,
    plan_when: body.planWhen,
  };
  await tx
    .insertInto("objectives")
    .values({ id, org_id: org.orgId, ref, ...values, status: "active", created_by_member_id: org.membershipId })
    .execute();
  await audit({
    action: "objective.created",
    entityType: "objective",
    entityId: id,
    changes: diffChanges(null, { ref, ...values, status: "active" }),
  });
  return loadObjectiveDetail(tx, org.orgId, id);
};

/** Changes an objective's facts, measure, target, owner, plan or status; an archived one stays as it was. */
export const updateObjective: Handler<Routes["updateObjective"]> = async ({ tx, org, input, audit }) => {
  const { version, ...fields } = input.body;
  const row = await lockObjective(tx, org.orgId, input.params.objectiveId, version);
  if (row.archived_at)
    throw new AppError("illegal_transition", `Objective ${row.ref} is archived; it can be read but not changed.`);
  const before = {
    title: row.title,
    rationale: row.rationale,
    measure_kind: row.measure_kind,
    measure: row.measure,
    metric_id: row.metric_id,
    unit: row.unit,
    baseline: row.baseline,
    target: row.target,
    direction: row.direction as ObjectiveDirection,
    owner_member_id: row.owner_member_id,
    due_date: row.due_date,
    plan_what: row.plan_what,
    plan_resources: row.plan_resources,
    plan_when: row.plan_when,
    status: row.status as ObjectiveStatus,
  };
  const measureKind = fields.measureKind ?? before.measure_kind;
  const after = {
    title: fields.title ?? before.title,
    rationale: fields.rationale ?? before.rationale,
    measure_kind: measureKind,
    measure: fields.measure ?? before.measure,
    metric_id: measureKind === "manual" ? null : fields.metricId === undefined ? before.metric_id : fields.metricId,
    unit: fields.unit ?? before.unit,
    baseline: fields.baseline === undefined ? before.baseline : fields.baseline,
    target: fields.target ?? before.target,
    direction: fields.direction ?? before.direction,
    owner_member_id: fields.ownerMemberId === undefined ? before.owner_member_id : fields.ownerMemberId,
    due_date: fields.dueDate === undefined ? before.due_date : fields.dueDate,
    plan_what: fields.planWhat ?? before.plan_what,
    plan_resources: fields.planResources ?? before.plan_resources,
    plan_when: fields.planWhen ?? before.plan_when,
    status: fields.status ?? before.status,
  };
  if (after.measure_kind === "metric" && !after.metric_id)
    throw invalidBody([{ field: "metricId", message: "is required when the measure is a monitored metric" }]);
  refuseTargetAgainstBaseline(after);
  const step = checkObjectiveStatusTransition(before.status, after.status);
  if (!step.ok) throw new AppError("illegal_transition", step.reason, { allowed: step.allowed });
  await checkObjectiveReferences(tx, org.orgId, {
    metricId: after.metric_id !== before.metric_id ? after.metric_id : null,
    ownerMemberId: after.owner_member_id !== before.owner_member_id ? after.owner_member_id : null,
  });
  const changes = diffChanges(before, after);
  if (Object.keys(changes).length > 0) {
    await tx
      .updateTable("objectives")
      .set({ ...after, version: row.version + 1, updated_at: new Date() })
      .where("id", "=", row.id)
      .execute();
    await audit({ action: "objective.updated", entityType: "objective", entityId: row.id, changes });
  }
  return loadObjectiveDetail(tx, org.orgId, row.id);
};

/** Archives an objective with a reason; it stays on record and leaves the default list. */
export const archiveObjective: Handler<Routes["archiveObjective"]> = async ({ tx, org, input, audit }) => {
  const row = await lockObjective(tx, org.orgId, input.params.objectiveId, input.body.version);
  if (row.archived_at) throw new AppError("illegal_transition", `Objective ${row.ref} is already archived.`);
  const now = new Date();
  await tx
    .updateTable("objectives")
    .set({ archived_at: now, archive_reason: input.body.reason, version: row.version + 1, updated_at: now })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "objective.archived",
    entityType: "objective",
    entityId: row.id,
    changes: {
      status: { before: "active", after: "archived" },
      archiveReason: { before: null, after: input.body.reason },
    },
  });
  return loadObjectiveDetail(tx, org.orgId, row.id);
};
