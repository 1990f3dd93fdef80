import { randomUUID } from "node:crypto";
import type { LifecycleStage, Routes } from "@openaims/contracts";
import { refuseSelfApproval } from "../approvals/index.js";
import { AppError, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { findSystem } from "../inventory/index.js";
import { nextRef } from "../records/next-ref.js";
import { evaluateSystemGate } from "./evaluate-system-gate.js";
import { actorLabel, decisionContext } from "./gate-handlers.js";
import { findOverride, type OverrideRow, overrideQuery, presentOverride } from "./gate-records.js";
import { recordGateDecision, refuseUngatedMove } from "./record-gate-decision.js";

/**
 * Asks to let a system through a gate it fails, with a reason. The failed decision is recorded
 * now; the override takes effect only when another member approves it.
 */
export const requestGateOverride: Handler<Routes["requestGateOverride"]> = async (ctx) => {
  const { tx, org, actor, input, audit } = ctx;
  const system = await findSystem(tx, org.orgId, input.params.systemId, true);
  if (system.archived_at) throw new AppError("illegal_transition", "This AI system is archived.");
  const stage = input.body.stage as LifecycleStage;
  const evaluation = await evaluateSystemGate(tx, org.orgId, system, stage);
  refuseUngatedMove(system, evaluation);
  if (evaluation.passed)
    throw new AppError(
      "illegal_transition",
      `The gate into ${stage} passes for ${system.slug}: record the decision instead of overriding it.`,
    );
  const open = await overrideQuery(tx, org.orgId)
    .where("gate_overrides.system_id", "=", system.id)
    .where("gate_overrides.to_stage", "=", stage)
    .where("gate_overrides.status", "=", "requested")
    .executeTakeFirst();
  if (open)
    throw new AppError(
      "illegal_transition",
      `Override ${open.ref} for ${system.slug} into ${stage} already awaits approval; approve or withdraw it first.`,
    );
  const failedDecisionId = await recordGateDecision(
    decisionContext(ctx, org, actor),
    system,
    evaluation,
    "failed",
    null,
  );
  const id = randomUUID();
  const ref = await nextRef(tx, org.orgId, "gate_override", "GO");
  await tx
    .insertInto("gate_overrides")
    .values({
      id,
      org_id: org.orgId,
      ref,
      system_id: system.id,
      from_stage: evaluation.fromStage,
      to_stage: stage,
      reason: input.body.reason,
      status: "requested",
      failed_decision_id: failedDecisionId,
      requested_by_member_id: org.membershipId,
      requested_by_label: actorLabel(actor),
    })
    .execute();
  await audit({
    action: "gate.override_requested",
    entityType: "gate_override",
    entityId: id,
    changes: {
      ref: { before: null, after: ref },
      system: { before: null, after: system.slug },
      stage: { before: evaluation.fromStage, after: stage },
      reason: { before: null, after: input.body.reason },
      failedDecisionId: { before: null, after: failedDecisionId },
    },
  });
  return presentOverride(await findOverride(tx, org.orgId, id));
};

function refuseUnlessRequested(row: OverrideRow, version: number): void {
  if (row.status !== "requested")
    throw new AppError(
      "illegal_transition",
      `Override ${row.ref} is ${row.status}; only an override awaiting approval can be approved or withdrawn.`,
      { allowed: [] },
    );
  if (row.version !== version) throw staleVersion("gate override", row.version, version);
}

/**
 * A second member approves the override: the gate is evaluated again for the record, an
 * overridden decision is recorded with the reason and both names, and the system moves on.
 */
export const approveGateOverride: Handler<Routes["approveGateOverride"]> = async (ctx) => {
  const { tx, org, actor, input, audit } = ctx;
  const row = await findOverride(tx, org.orgId, input.params.overrideId, true);
  refuseUnlessRequested(row, input.body.version);
  await refuseSelfApproval(
    tx,
    { orgId: org.orgId, membershipId: org.membershipId, userId: actor.userId },
    { kind: "gate_override", id: row.id },
  );
  const system = await findSystem(tx, org.orgId, row.system_id, true);
  if (system.lifecycle_stage !== row.from_stage)
    throw new AppError(
      "illegal_transition",
      `${system.slug} moved to ${system.lifecycle_stage} after override ${row.ref} was requested from ${row.from_stage}; withdraw it and ask again.`,
    );
  const evaluation = await evaluateSystemGate(tx, org.orgId, system, row.to_stage as LifecycleStage);
  const decisionId = await recordGateDecision(decisionContext(ctx, org, actor), system, evaluation, "overridden", {
    ref: row.ref,
    reason: row.reason,
    requestedBy: row.requested_by_label,
    approvedBy: actorLabel(actor),
  });
  await tx
    .updateTable("gate_overrides")
    .set({
      status: "approved",
      approved_by_member_id: org.membershipId,
      approved_by_label: actorLabel(actor),
      decision_id: decisionId,
      version: row.version + 1,
      updated_at: new Date(),
    })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "gate.override_approved",
    entityType: "gate_override",
    entityId: row.id,
    changes: {
      status: { before: "requested", after: "approved" },
      decisionId: { before: null, after: decisionId },
    },
  });
  return presentOverride(await findOverride(tx, org.orgId, row.id));
};

export const withdrawGateOverride: Handler<Routes["withdrawGateOverride"]> = async ({ tx, org, input, audit }) => {
  const row = await findOverride(tx, org.orgId, input.params.overrideId, true);
  refuseUnlessRequested(row, input.body.version);
  await tx
    .updateTable("gate_overrides")
    .set({ status: "withdrawn", version: row.version + 1, updated_at: new Date() })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "gate.override_withdrawn",
    entityType: "gate_override",
    entityId: row.id,
    changes: { status: { before: "requested", after: "withdrawn" } },
  });
  return presentOverride(await findOverride(tx, org.orgId, row.id));
};

export const listGateOverrides: Handler<Routes["listGateOverrides"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, status } = input.query;
  const sort = keysetSort("-createdAt", { createdAt: "gate_overrides.created_at" }, "gate_overrides.id");
  const cursor = parseCursor(rawCursor);
  let query = overrideQuery(tx, org.orgId);
  if (status) query = query.where("gate_overrides.status", "=", status);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("gate_overrides.created_at", "desc")
    .orderBy("gate_overrides.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row.created_at), id: row.id }), presentOverride);
};
