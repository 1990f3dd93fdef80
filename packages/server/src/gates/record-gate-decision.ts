import { randomUUID } from "node:crypto";
import type { GateResult, GateSnapshot } from "@openaims/contracts";
import { snapshotDigest, stageMove } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { AppError } from "../http/app-error.js";
import { moveSystemStage, type SystemRow } from "../inventory/index.js";
import { nextRef } from "../records/next-ref.js";
import type { SecretBox } from "../secrets/secret-box.js";
import type { SystemGateEvaluation } from "./evaluate-system-gate.js";
import { snapshotOf } from "./gate-records.js";
import { ensureReleaseKey } from "./signing-key.js";

/** What recording a decision needs from the request: its transaction, audit trail and who decides. */
export interface DecisionContext {
  tx: Kysely<Database>;
  audit: (event: AuditEvent) => Promise<void>;
  secrets: SecretBox;
  orgId: string;
  membershipId: string;
  actorLabel: string;
}

/**
 * Retiring needs no gate, so it has no decision. Any other stage can be decided: ahead of the
 * current one the decision moves the system; otherwise it records a re-check before a release.
 */
export function refuseUngatedMove(system: SystemRow, evaluation: SystemGateEvaluation): void {
  if (stageMove(evaluation.fromStage, evaluation.stage) === "retire")
    throw new AppError(
      "illegal_transition",
      `Retiring ${system.slug} needs no gate: change the stage on the AI system itself. ` +
        "Gate decisions lead into design, development, validation, deployment or operation.",
    );
}

/**
 * Records one immutable gate decision with the snapshot of what it checked, and, when the result
 * lets the system through into a later stage, moves it there. A pass (or an approved override)
 * also makes sure the organisation has its release key, so the decision can be attested.
 */
export async function recordGateDecision(
  ctx: DecisionContext,
  system: SystemRow,
  evaluation: SystemGateEvaluation,
  result: GateResult,
  override: GateSnapshot["override"],
): Promise<string> {
  const id = randomUUID();
  const decidedAt = new Date();
  const snapshot = snapshotOf(system, evaluation, ctx.actorLabel, decidedAt, override);
  const snapshotJson = JSON.stringify(snapshot);
  const ref = await nextRef(ctx.tx, ctx.orgId, "gate_decision", "GD");
  await ctx.tx
    .insertInto("gate_decisions")
    .values({
      id,
      org_id: ctx.orgId,
      ref,
      system_id: system.id,
      from_stage: evaluation.fromStage,
      to_stage: evaluation.stage,
      result,
      snapshot: snapshotJson,
      snapshot_sha256: snapshotDigest(snapshotJson),
      decided_by_member_id: ctx.membershipId,
      decided_by_label: ctx.actorLabel,
      decided_at: decidedAt,
    })
    .execute();
  await ctx.audit({
    action: `gate.${result}`,
    entityType: "gate_decision",
    entityId: id,
    changes: {
      ref: { before: null, after: ref },
      system: { before: null, after: system.slug },
      stage: { before: evaluation.fromStage, after: evaluation.stage },
      result: { before: null, after: result },
      failedChecks: {
        before: null,
        after: evaluation.checks.filter((check) => !check.passed).map((check) => check.kind),
      },
      ...(override ? { override: { before: null, after: override.ref } } : {}),
    },
  });
  if (result === "failed") return id;
  await ensureReleaseKey(ctx.tx, ctx.secrets, ctx.orgId, ctx.audit);
  if (evaluation.forward) await moveSystemStage(ctx.tx, system, evaluation.stage, id, ctx.audit);
  return id;
}
