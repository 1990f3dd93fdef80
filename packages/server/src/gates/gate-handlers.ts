import type { GateReport, ImpactTier, LifecycleStage, Routes } from "@openaims/contracts";
import { staleVersion } from "../http/app-error.js";
import type { Actor, Handler, OrgScope } from "../http/handler-context.js";
import { findSystem } from "../inventory/index.js";
import { evaluateSystemGate, targetStage } from "./evaluate-system-gate.js";
import { findDecision, overrideQuery, presentDecision, presentOverride, presentSignOff } from "./gate-records.js";
import { type DecisionContext, recordGateDecision, refuseUngatedMove } from "./record-gate-decision.js";

/** How decisions, sign-offs and overrides name the person: "Name <e-mail>". */
export const actorLabel = (actor: Actor) => `${actor.name} <${actor.email}>`;

export function decisionContext(
  ctx: { tx: DecisionContext["tx"]; audit: DecisionContext["audit"]; deps: { secrets: DecisionContext["secrets"] } },
  org: OrgScope,
  actor: Actor,
): DecisionContext {
  return {
    tx: ctx.tx,
    audit: (event) => ctx.audit(event),
    secrets: ctx.deps.secrets,
    orgId: org.orgId,
    membershipId: org.membershipId,
    actorLabel: actorLabel(actor),
  };
}

/** Evaluates the gate from the records without recording anything; a read token may call it. */
export const getGate: Handler<Routes["getGate"]> = async ({ tx, org, input }) => {
  const system = await findSystem(tx, org.orgId, input.params.systemId);
  const stage = targetStage(system, input.query.stage as LifecycleStage | undefined);
  const evaluation = await evaluateSystemGate(tx, org.orgId, system, stage);
  const pending = await overrideQuery(tx, org.orgId)
    .where("gate_overrides.system_id", "=", system.id)
    .where("gate_overrides.to_stage", "=", stage)
    .where("gate_overrides.status", "=", "requested")
    .executeTakeFirst();
  const report: GateReport = {
    system: {
      id: system.id,
      slug: system.slug,
      name: system.name,
      lifecycleStage: system.lifecycle_stage as LifecycleStage,
      impactTier: system.impact_tier as ImpactTier,
    },
    fromStage: evaluation.fromStage,
    stage,
    forward: evaluation.forward,
    passed: evaluation.passed,
    checks: evaluation.checks,
    configured: evaluation.checklist.configured,
    signOffs: evaluation.signOffRows.map(presentSignOff),
    pendingOverride: pending ? presentOverride(pending) : null,
    evaluatedAt: evaluation.facts.now.toISOString(),
  };
  return report;
};

/**
 * Evaluates the gate on the server and records the decision, pass or fail; a pass into a later
 * stage moves the system there. What the caller thinks of the gate is never asked.
 */
export const decideGate: Handler<Routes["decideGate"]> = async (ctx) => {
  const { tx, org, actor, input } = ctx;
  const system = await findSystem(tx, org.orgId, input.params.systemId, true);
  if (input.body.version !== undefined && input.body.version !== system.version)
    throw staleVersion("AI system", system.version, input.body.version);
  const evaluation = await evaluateSystemGate(tx, org.orgId, system, input.body.stage as LifecycleStage);
  refuseUngatedMove(system, evaluation);
  const id = await recordGateDecision(
    decisionContext(ctx, org, actor),
    system,
    evaluation,
    evaluation.passed ? "passed" : "failed",
    null,
  );
  return presentDecision(await findDecision(tx, org.orgId, id));
};
