import { randomUUID } from "node:crypto";
import {
  type GateCheckConfig,
  type GateChecklist,
  gateCheckConfigSchema,
  type ImpactTier,
  impactTiers,
  type LifecycleStage,
  lifecycleStages,
  type Routes,
} from "@openaims/contracts";
import { defaultGateChecklist } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";

/** Stages a system moves into through a gate: every stage but the first and retirement. */
export const gatedStages: readonly LifecycleStage[] = lifecycleStages.filter(
  (stage) => stage !== "planned" && stage !== "retired",
);

type ChecklistRow = { stage: string; impact_tier: string; checks: unknown[]; updated_at: Date };

function presentChecklist(stage: LifecycleStage, tier: ImpactTier, row: ChecklistRow | undefined): GateChecklist {
  if (!row)
    return { stage, impactTier: tier, checks: defaultGateChecklist(stage, tier), configured: false, updatedAt: null };
  return {
    stage,
    impactTier: tier,
    checks: row.checks.map((check) => gateCheckConfigSchema.parse(check)),
    configured: true,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The checklist for moving a system of `tier` into `stage`: the organisation's, or the default. */
export async function loadGateChecklist(
  db: Kysely<Database>,
  orgId: string,
  stage: LifecycleStage,
  tier: ImpactTier,
): Promise<{ checks: GateCheckConfig[]; configured: boolean }> {
  const row = await db
    .selectFrom("gate_checklists")
    .select(["stage", "impact_tier", "checks", "updated_at"])
    .where("org_id", "=", orgId)
    .where("stage", "=", stage)
    .where("impact_tier", "=", tier)
    .executeTakeFirst();
  const checklist = presentChecklist(stage, tier, row);
  return { checks: checklist.checks, configured: checklist.configured };
}

export const listGateChecklists: Handler<Routes["listGateChecklists"]> = async ({ tx, org }) => {
  const rows = await tx
    .selectFrom("gate_checklists")
    .select(["stage", "impact_tier", "checks", "updated_at"])
    .where("org_id", "=", org.orgId)
    .execute();
  const items = gatedStages.flatMap((stage) =>
    impactTiers.map((tier) =>
      presentChecklist(
        stage,
        tier,
        rows.find((row) => row.stage === stage && row.impact_tier === tier),
      ),
    ),
  );
  return { items };
};

export const replaceGateChecklist: Handler<Routes["replaceGateChecklist"]> = async ({ tx, org, input, audit }) => {
  const { stage, impactTier } = input.body;
  if (!gatedStages.includes(stage))
    throw new AppError(
      "illegal_transition",
      `No gate leads into ${stage}: checklists exist for ${gatedStages.join(", ")}.`,
    );
  const before = await loadGateChecklist(tx, org.orgId, stage, impactTier);
  const checks = JSON.stringify(input.body.checks);
  const now = new Date();
  await tx
    .insertInto("gate_checklists")
    .values({
      id: randomUUID(),
      org_id: org.orgId,
      stage,
      impact_tier: impactTier,
      checks,
      updated_by_member_id: org.membershipId,
    })
    .onConflict((oc) =>
      oc.columns(["org_id", "stage", "impact_tier"]).doUpdateSet((eb) => ({
        checks,
        updated_by_member_id: org.membershipId,
        updated_at: now,
        version: eb(eb.ref("gate_checklists.version"), "+", 1),
      })),
    )
    .execute();
  await audit({
    action: "gate.checklist_replaced",
    entityType: "gate_checklist",
    entityId: null,
    changes: {
      stage: { before: stage, after: stage },
      impactTier: { before: impactTier, after: impactTier },
      checks: { before: before.checks, after: input.body.checks },
    },
  });
  const row = await tx
    .selectFrom("gate_checklists")
    .select(["stage", "impact_tier", "checks", "updated_at"])
    .where("org_id", "=", org.orgId)
    .where("stage", "=", stage)
    .where("impact_tier", "=", impactTier)
    .executeTakeFirstOrThrow();
  return presentChecklist(stage, impactTier, row);
};
