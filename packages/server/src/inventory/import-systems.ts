import { randomUUID } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import {
  changedMaterialFields,
  diffChanges,
  type ExistingSystem,
  type PlannedSystemRow,
  planSystemImport,
  stageMove,
} from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import type { Handler } from "../http/handler-context.js";
import { creationChanges, runImport } from "./import-runner.js";
import { gateRequiredError } from "./inventory-errors.js";
import { activeMemberIdsByEmail } from "./owners.js";
import { systemColumnsOf, systemQuery, systemValuesOf } from "./system-queries.js";

/** Rows per upsert: about 22 parameters each. */
const CHUNK = 500;

/** The organisation's systems by slug, with when each last changed materially. */
async function existingSystems(tx: Kysely<Database>, orgId: string) {
  const rows = await systemQuery(tx, orgId).execute();
  const bySlug = new Map<string, ExistingSystem>();
  const materialChangedAt = new Map<string, Date>();
  for (const row of rows) {
    bySlug.set(row.slug, { id: row.id, values: systemValuesOf(row), archived: row.archived_at !== null });
    materialChangedAt.set(row.id, row.material_changed_at);
  }
  return { bySlug, materialChangedAt };
}

/**
 * Writes the created and changed systems of a valid plan: one upsert per chunk (a slug that exists
 * updates that system), then one audit entry per system plus a summary entry, in the request's
 * transaction so the file applies whole or not at all.
 */
async function applyPlan(
  tx: Kysely<Database>,
  orgId: string,
  rows: PlannedSystemRow[],
  materialChangedAt: Map<string, Date>,
): Promise<AuditEvent[]> {
  const now = new Date();
  const events: AuditEvent[] = [];
  const records = rows.flatMap((row) => {
    if (!row.values || (row.action !== "create" && row.action !== "update")) return [];
    const existing = row.existing;
    // A fresh id for the insert; when the slug exists the row updates that system and keeps its id.
    const insertId = randomUUID();
    const id = existing?.id ?? insertId;
    const material = existing ? changedMaterialFields(existing.values, row.values).length > 0 : true;
    const changes = existing ? diffChanges(existing.values, row.values) : creationChanges(row.values);
    const previous = existing ? materialChangedAt.get(existing.id) : undefined;
    if (existing && material)
      changes.materialChangedAt = { before: previous?.toISOString() ?? null, after: now.toISOString() };
    events.push({
      action: existing ? "system.updated" : "system.created",
      entityType: "ai_system",
      entityId: id,
      changes,
    });
    return [
      {
        id: insertId,
        org_id: orgId,
        ...systemColumnsOf(row.values),
        material_changed_at: material || !previous ? now : previous,
        created_at: now,
        updated_at: now,
      },
    ];
  });
  for (let i = 0; i < records.length; i += CHUNK) {
    await tx
      .insertInto("ai_systems")
      .values(records.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(["org_id", "slug"]).doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          description: eb.ref("excluded.description"),
          purpose: eb.ref("excluded.purpose"),
          intended_use: eb.ref("excluded.intended_use"),
          limitations: eb.ref("excluded.limitations"),
          our_role: eb.ref("excluded.our_role"),
          lifecycle_stage: eb.ref("excluded.lifecycle_stage"),
          impact_tier: eb.ref("excluded.impact_tier"),
          high_impact_reasons: eb.ref("excluded.high_impact_reasons"),
          data_categories: eb.ref("excluded.data_categories"),
          capabilities: eb.ref("excluded.capabilities"),
          autonomy: eb.ref("excluded.autonomy"),
          human_oversight: eb.ref("excluded.human_oversight"),
          customer_facing: eb.ref("excluded.customer_facing"),
          owner_member_id: eb.ref("excluded.owner_member_id"),
          review_date: eb.ref("excluded.review_date"),
          material_changed_at: eb.ref("excluded.material_changed_at"),
          updated_at: eb.ref("excluded.updated_at"),
          version: sql<number>`ai_systems.version + 1`,
        })),
      )
      .execute();
  }
  return events;
}

/** An import may move systems back or retire them, never forward: that passes the release gate. */
function refuseForwardMoves(rows: PlannedSystemRow[]): void {
  for (const row of rows) {
    if (row.action !== "update" || !row.existing || !row.values) continue;
    const from = row.existing.values.lifecycleStage;
    const to = row.values.lifecycleStage;
    if (stageMove(from, to) === "forward") throw gateRequiredError(row.values.slug, from, to);
  }
}

/** Imports AI systems; rows match existing systems by slug. */
export const importSystems: Handler<Routes["importSystems"]> = async (ctx) => {
  const existing = await existingSystems(ctx.tx, ctx.org.orgId);
  return runImport(ctx, {
    actionPrefix: "system",
    entityType: "ai_system",
    plan: async (sheet) => {
      const memberIdByEmail = await activeMemberIdsByEmail(ctx.tx, ctx.org.orgId);
      const plan = planSystemImport(sheet, { memberIdByEmail, existingBySlug: existing.bySlug });
      refuseForwardMoves(plan.rows);
      return plan;
    },
    apply: (rows) => applyPlan(ctx.tx, ctx.org.orgId, rows, existing.materialChangedAt),
  });
};
