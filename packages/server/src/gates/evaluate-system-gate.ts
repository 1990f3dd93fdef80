import type { GateCheckResultView, ImpactTier, LifecycleStage } from "@openaims/contracts";
import { evaluateGate, type GateFacts, nextStage, stageMove } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { SystemRow } from "../inventory/index.js";
import { loadGateChecklist } from "./gate-checklists.js";
import { loadGateFacts } from "./gate-facts.js";

/** A gate evaluated from the records: the checklist, the facts it saw, and each check's result. */
export interface SystemGateEvaluation {
  fromStage: LifecycleStage;
  stage: LifecycleStage;
  forward: boolean;
  checklist: Awaited<ReturnType<typeof loadGateChecklist>>;
  facts: GateFacts;
  signOffRows: Awaited<ReturnType<typeof loadGateFacts>>["signOffRows"];
  checks: GateCheckResultView[];
  passed: boolean;
}

/**
 * The stage a caller named, or else the next one after the system's current stage; a system in
 * operation is checked for operation again, and a retired one for coming back into operation.
 */
export function targetStage(system: SystemRow, stage: LifecycleStage | undefined): LifecycleStage {
  return stage ?? nextStage(system.lifecycle_stage as LifecycleStage) ?? "operation";
}

/**
 * Evaluates the gate into `stage` for a system, on the server, from the records only. The stage's
 * checklist applies whether the system is moving into it or is already there or beyond (a system in
 * operation is checked again before each release); retiring has no gate and passes with no checks.
 */
export async function evaluateSystemGate(
  db: Kysely<Database>,
  orgId: string,
  system: SystemRow,
  stage: LifecycleStage,
  now = new Date(),
): Promise<SystemGateEvaluation> {
  const fromStage = system.lifecycle_stage as LifecycleStage;
  const move = stageMove(fromStage, stage);
  const gated = move !== "retire";
  const checklist = gated
    ? await loadGateChecklist(db, orgId, stage, system.impact_tier as ImpactTier)
    : { checks: [], configured: false };
  const { facts, signOffRows } = await loadGateFacts(
    db,
    orgId,
    { id: system.id, materialChangedAt: system.material_changed_at },
    stage,
    now,
  );
  const evaluation = evaluateGate(checklist.checks, facts);
  const checks = evaluation.checks.map((result, index) => ({
    ...result,
    config: checklist.checks[index] as (typeof checklist.checks)[number],
  }));
  return {
    fromStage,
    stage,
    forward: move === "forward",
    checklist,
    facts,
    signOffRows,
    checks,
    passed: evaluation.passed,
  };
}
