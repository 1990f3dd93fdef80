import {
  type GateDecision,
  type GateOverride,
  type GateSignOff,
  type GateSnapshot,
  gateSnapshotSchema,
  type LifecycleStage,
  type Role,
} from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely, Selectable } from "kysely";
import { notFound } from "../http/app-error.js";
import type { SystemGateEvaluation } from "./evaluate-system-gate.js";

export function presentSignOff(row: Selectable<Database["gate_sign_offs"]>): GateSignOff {
  return {
    id: row.id,
    systemId: row.system_id,
    stage: row.stage as LifecycleStage,
    role: row.role as Role,
    signedBy: row.signer_label,
    note: row.note,
    signedAt: row.signed_at.toISOString(),
  };
}

/** The facts and results of an evaluation as a decision records them: plain JSON, dates as text. */
export function snapshotOf(
  system: { id: string; slug: string; name: string; impact_tier: string },
  evaluation: SystemGateEvaluation,
  decidedBy: string,
  decidedAt: Date,
  override: GateSnapshot["override"],
): GateSnapshot {
  const { facts } = evaluation;
  return {
    system: { id: system.id, slug: system.slug, name: system.name, impactTier: system.impact_tier as "low" },
    fromStage: evaluation.fromStage,
    toStage: evaluation.stage,
    checklist: evaluation.checklist.checks,
    checklistConfigured: evaluation.checklist.configured,
    facts: {
      now: facts.now.toISOString(),
      impactAssessment: facts.impactAssessment,
      risks: facts.risks.map((risk) => ({
        ref: risk.ref,
        rating: risk.rating,
        open: risk.open,
        reviewedAt: risk.reviewedAt?.toISOString() ?? null,
        needsReReview: risk.needsReReview,
        acceptedUntil: risk.acceptedUntil?.toISOString() ?? null,
      })),
      latestScan: facts.latestScan
        ? {
            ref: facts.latestScan.ref,
            finishedAt: facts.latestScan.finishedAt.toISOString(),
            openFindings: facts.latestScan.openFindings,
          }
        : null,
      signOffs: facts.signOffs,
    },
    checks: evaluation.checks,
    passed: evaluation.passed,
    override,
    decidedBy,
    decidedAt: decidedAt.toISOString(),
  };
}

/** Decisions with the system's slug and name. */
export function decisionQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("gate_decisions")
    .innerJoin("ai_systems", "ai_systems.id", "gate_decisions.system_id")
    .selectAll("gate_decisions")
    .select(["ai_systems.slug as system_slug", "ai_systems.name as system_name"])
    .where("gate_decisions.org_id", "=", orgId);
}
export type DecisionRow = Awaited<ReturnType<ReturnType<typeof decisionQuery>["executeTakeFirstOrThrow"]>>;

export function presentDecision(row: DecisionRow): GateDecision {
  return {
    id: row.id,
    ref: row.ref,
    system: { id: row.system_id, slug: row.system_slug, name: row.system_name },
    fromStage: row.from_stage as LifecycleStage,
    toStage: row.to_stage as LifecycleStage,
    result: row.result as GateDecision["result"],
    snapshot: gateSnapshotSchema.parse(row.snapshot),
    snapshotSha256: row.snapshot_sha256,
    decidedBy: row.decided_by_label,
    decidedAt: row.decided_at.toISOString(),
  };
}

export async function findDecision(db: Kysely<Database>, orgId: string, decisionId: string): Promise<DecisionRow> {
  const row = await decisionQuery(db, orgId).where("gate_decisions.id", "=", decisionId).executeTakeFirst();
  if (!row) throw notFound("Gate decision", decisionId);
  return row;
}

/** Overrides with the system's slug and name. */
export function overrideQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("gate_overrides")
    .innerJoin("ai_systems", "ai_systems.id", "gate_overrides.system_id")
    .selectAll("gate_overrides")
    .select(["ai_systems.slug as system_slug", "ai_systems.name as system_name"])
    .where("gate_overrides.org_id", "=", orgId);
}
export type OverrideRow = Awaited<ReturnType<ReturnType<typeof overrideQuery>["executeTakeFirstOrThrow"]>>;

export function presentOverride(row: OverrideRow): GateOverride {
  return {
    id: row.id,
    ref: row.ref,
    system: { id: row.system_id, slug: row.system_slug, name: row.system_name },
    fromStage: row.from_stage as LifecycleStage,
    toStage: row.to_stage as LifecycleStage,
    reason: row.reason,
    status: row.status as GateOverride["status"],
    failedDecisionId: row.failed_decision_id,
    decisionId: row.decision_id,
    requestedBy: row.requested_by_label,
    requestedByMemberId: row.requested_by_member_id,
    approvedBy: row.approved_by_label,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export async function findOverride(
  db: Kysely<Database>,
  orgId: string,
  overrideId: string,
  forUpdate = false,
): Promise<OverrideRow> {
  let query = overrideQuery(db, orgId).where("gate_overrides.id", "=", overrideId);
  if (forUpdate) query = query.forUpdate("gate_overrides");
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("Gate override", overrideId);
  return row;
}
