import type { ImpactTier, SystemImpactState, SystemImpactStatus } from "@openaims/contracts";
import { systemImpactState } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Expression, type Kysely, type SqlBool, sql } from "kysely";

/**
 * Every live AI system of an organisation with its approved revision in force and its open one.
 * The partial unique indexes of the table allow at most one of each per system, so the joins never
 * multiply rows.
 */
export function systemImpactStatusQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("ai_systems")
    .leftJoin("impact_assessments as approved", (join) =>
      join
        .onRef("approved.system_id", "=", "ai_systems.id")
        .on("approved.status", "=", "approved")
        .on("approved.archived_at", "is", null),
    )
    .leftJoin("impact_assessments as open", (join) =>
      join
        .onRef("open.system_id", "=", "ai_systems.id")
        .on("open.status", "in", ["draft", "submitted"])
        .on("open.archived_at", "is", null),
    )
    .select([
      "ai_systems.id",
      "ai_systems.slug",
      "ai_systems.name",
      "ai_systems.impact_tier",
      "ai_systems.customer_facing",
      "ai_systems.material_changed_at",
      "approved.id as approved_id",
      "approved.ref as approved_ref",
      "approved.revision as approved_revision",
      "approved.approved_at as approved_at",
      "approved.system_material_at as approved_system_material_at",
      "open.id as open_id",
      "open.ref as open_ref",
      "open.revision as open_revision",
      "open.status as open_status",
      "open.updated_at as open_updated_at",
    ])
    .where("ai_systems.org_id", "=", orgId)
    .where("ai_systems.archived_at", "is", null);
}

export type SystemImpactStatusRow = Awaited<
  ReturnType<ReturnType<typeof systemImpactStatusQuery>["executeTakeFirstOrThrow"]>
>;

/*
 * The state filter in SQL. It mirrors `systemImpactState` in core: approved beats open, and an
 * approval is stale when the system's material change is later. Both sides are compared at
 * millisecond precision, the precision the JavaScript rule sees.
 */
const stale = sql<SqlBool>`(approved.system_material_at is null or date_trunc('milliseconds', approved.system_material_at) < date_trunc('milliseconds', ai_systems.material_changed_at))`;
const stateConditions: Record<SystemImpactState | "attention", Expression<SqlBool>> = {
  none: sql<SqlBool>`(approved.id is null and open.id is null)`,
  draft: sql<SqlBool>`(approved.id is null and open.status = 'draft')`,
  submitted: sql<SqlBool>`(approved.id is null and open.status = 'submitted')`,
  approved: sql<SqlBool>`(approved.id is not null and not ${stale})`,
  stale: sql<SqlBool>`(approved.id is not null and ${stale})`,
  attention: sql<SqlBool>`(approved.id is null or ${stale})`,
};

/** The condition that keeps only systems in a state (`attention`: no current approved assessment). */
export function systemImpactStateCondition(state: SystemImpactState | "attention"): Expression<SqlBool> {
  return stateConditions[state];
}

export function presentSystemImpactStatus(row: SystemImpactStatusRow): SystemImpactStatus {
  const { state, staleReason } = systemImpactState({
    approved: row.approved_id ? { systemMaterialAt: row.approved_system_material_at } : null,
    open: row.open_id ? { status: row.open_status as "draft" | "submitted" } : null,
    systemMaterialChangedAt: row.material_changed_at,
  });
  return {
    system: {
      id: row.id,
      slug: row.slug,
      name: row.name,
      impactTier: row.impact_tier as ImpactTier,
      customerFacing: row.customer_facing,
    },
    state,
    staleReason,
    systemMaterialChangedAt: row.material_changed_at.toISOString(),
    approved:
      row.approved_id && row.approved_ref && row.approved_revision !== null && row.approved_at
        ? {
            id: row.approved_id,
            ref: row.approved_ref,
            revision: row.approved_revision,
            approvedAt: row.approved_at.toISOString(),
          }
        : null,
    open:
      row.open_id && row.open_ref && row.open_revision !== null && row.open_updated_at
        ? {
            id: row.open_id,
            ref: row.open_ref,
            revision: row.open_revision,
            status: row.open_status as "draft" | "submitted",
            updatedAt: row.open_updated_at.toISOString(),
          }
        : null,
  };
}

/**
 * Every live AI system of the organisation that lacks a current approved impact assessment —
 * never assessed, still in draft or review, or approved but stale — ordered by name. For other
 * modules (readiness, release gates) that need the gaps without paging through the HTTP route.
 * Runs on the pool or inside a caller's transaction.
 */
export async function findSystemsNeedingImpactAssessment(
  db: Kysely<Database>,
  orgId: string,
): Promise<SystemImpactStatus[]> {
  const rows = await systemImpactStatusQuery(db, orgId)
    .where(systemImpactStateCondition("attention"))
    .orderBy("ai_systems.name")
    .orderBy("ai_systems.id")
    .execute();
  return rows.map(presentSystemImpactStatus);
}

/** The impact assessment state of one system, or null when it is unknown, archived or in another organisation. */
export async function findSystemImpactStatus(
  db: Kysely<Database>,
  orgId: string,
  systemId: string,
): Promise<SystemImpactStatus | null> {
  const row = await systemImpactStatusQuery(db, orgId).where("ai_systems.id", "=", systemId).executeTakeFirst();
  return row ? presentSystemImpactStatus(row) : null;
}
