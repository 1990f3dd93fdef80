import {
  type GateCheckConfig,
  gateCheckConfigSchema,
  type ImpactTier,
  type LifecycleStage,
  type Role,
  roleAllows,
} from "@openaims/contracts";
import { defaultGateChecklist } from "@openaims/core";
import { type SqlBool, sql } from "kysely";
import { type DueRow, type DueScope, dueRow } from "./due-scope.js";

/** A member who may sign a gate off, in their own role. */
export interface Signer {
  memberId: string;
  role: Role;
}

/**
 * Gates waiting for a sign-off: a system whose last decision into a stage failed and which has not
 * moved since, whose checklist for that stage asks for a role that has not signed off since the
 * system last changed materially. Each missing role's members see it (a sign-off counts in the
 * signer's role). `signers` are the members to list it for: one member, or everyone who may sign.
 */
export async function dueGateSignOffs(scope: DueScope, signers: Signer[]): Promise<DueRow[]> {
  const eligible = signers.filter((signer) => roleAllows(signer.role, "governance.write"));
  if (eligible.length === 0) return [];
  const waiting = await scope.db
    .selectFrom("gate_decisions as d")
    .innerJoin("ai_systems as s", "s.id", "d.system_id")
    .select(["s.id", "s.slug", "s.name", "s.impact_tier", "s.material_changed_at", "d.to_stage"])
    .distinct()
    .where("d.org_id", "=", scope.orgId)
    .where("d.result", "=", "failed")
    .where("s.archived_at", "is", null)
    .whereRef("s.lifecycle_stage", "=", "d.from_stage")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("gate_decisions as later")
            .select(sql`1`.as("one"))
            .whereRef("later.org_id", "=", "d.org_id")
            .whereRef("later.system_id", "=", "d.system_id")
            .whereRef("later.to_stage", "=", "d.to_stage")
            .whereRef("later.decided_at", ">", "d.decided_at"),
        ),
      ),
    )
    .execute();
  if (waiting.length === 0) return [];
  const [configured, signed] = await Promise.all([
    scope.db
      .selectFrom("gate_checklists")
      .select(["stage", "impact_tier", "checks"])
      .where("org_id", "=", scope.orgId)
      .execute(),
    scope.db
      .selectFrom("gate_sign_offs as o")
      .innerJoin("ai_systems as s", "s.id", "o.system_id")
      .select(["o.system_id", "o.stage", "o.role"])
      .where("o.org_id", "=", scope.orgId)
      .where(
        "o.system_id",
        "in",
        waiting.map((row) => row.id),
      )
      .where(sql<SqlBool>`o.signed_at >= s.material_changed_at`)
      .execute(),
  ]);
  const checklistOf = (stage: LifecycleStage, tier: ImpactTier): GateCheckConfig[] => {
    const row = configured.find((candidate) => candidate.stage === stage && candidate.impact_tier === tier);
    return row ? row.checks.map((check) => gateCheckConfigSchema.parse(check)) : defaultGateChecklist(stage, tier);
  };
  const items: DueRow[] = [];
  for (const system of waiting) {
    const stage = system.to_stage as LifecycleStage;
    const required = checklistOf(stage, system.impact_tier as ImpactTier).flatMap((check) =>
      check.kind === "sign_offs" ? check.roles : [],
    );
    const done = new Set(
      signed.filter((row) => row.system_id === system.id && row.stage === stage).map((row) => row.role),
    );
    const missing = new Set(required.filter((role) => !done.has(role)));
    for (const signer of eligible) {
      if (!missing.has(signer.role)) continue;
      items.push(
        dueRow(
          "gate_sign_off",
          "ai_system",
          {
            record_id: system.id,
            ref: system.slug,
            title: `Sign off ${system.name} into ${stage}`,
            member_id: signer.memberId,
            due_date: null,
          },
          `inventory/systems/${system.id}?tab=gate`,
        ),
      );
    }
  }
  return items;
}
