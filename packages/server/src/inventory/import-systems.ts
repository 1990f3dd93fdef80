import { randomUUID } from "node:crypto";
import type { ImportFormat, ImportReport, Routes, SystemValues } from "@openaims/contracts";
import {
  type AuditChanges,
  changedMaterialFields,
  diffChanges,
  type ExistingSystem,
  importError,
  type PlannedSystemRow,
  planSystemImport,
  type SystemImportPlan,
} from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { type AuditEvent, appendAuditEntries } from "../audit/append-audit-entry.js";
import type { Handler } from "../http/handler-context.js";
import { auditActorOf } from "../http/register-routes.js";
import { activeMemberIdsByEmail } from "./owners.js";
import { readSheet, sniffFormat, UnreadableFile } from "./read-sheet.js";
import { systemColumnsOf, systemQuery, systemValuesOf } from "./system-queries.js";

const MAX_REPORTED_ERRORS = 500;
const MAX_REPORTED_ROWS = 1000;
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

/** The audit changes of a new system: its values, leaving out empty ones to keep bulk imports light. */
function creationChanges(values: SystemValues): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, value] of Object.entries(values)) {
    const empty = value === null || value === "" || (Array.isArray(value) && value.length === 0);
    if (!empty) changes[field] = { before: null, after: value };
  }
  return changes;
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

function report(plan: SystemImportPlan, format: ImportFormat, dryRun: boolean, applied: boolean): ImportReport {
  return {
    format,
    dryRun,
    valid: plan.valid,
    applied,
    summary: plan.summary,
    errors: plan.errors.slice(0, MAX_REPORTED_ERRORS),
    warnings: plan.warnings,
    rows: plan.rows.slice(0, MAX_REPORTED_ROWS).map(({ row, slug, name, action }) => ({ row, slug, name, action })),
  };
}

export const importSystems: Handler<Routes["importSystems"]> = async ({ tx, org, input, actor, requestId }) => {
  const format = input.query.format ?? sniffFormat(input.body);
  const dryRun = input.query.dryRun;
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    sheet = await readSheet(input.body, format);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    const errors = [importError(null, null, error.message)];
    const summary = { rows: 0, create: 0, update: 0, unchanged: 0, invalid: 0, errors: 1 };
    return report({ valid: false, errors, warnings: [], rows: [], summary }, format, dryRun, false);
  }
  const existing = await existingSystems(tx, org.orgId);
  const memberIdByEmail = await activeMemberIdsByEmail(tx, org.orgId);
  const plan = planSystemImport(sheet, { memberIdByEmail, existingBySlug: existing.bySlug });
  if (!plan.valid || dryRun) return report(plan, format, dryRun, false);

  const events = await applyPlan(tx, org.orgId, plan.rows, existing.materialChangedAt);
  const { create, update, unchanged } = plan.summary;
  events.push({
    action: "system.import_applied",
    entityType: "ai_system",
    entityId: null,
    changes: {
      format: { before: null, after: format },
      rows: { before: null, after: plan.summary.rows },
      created: { before: null, after: create },
      updated: { before: null, after: update },
      unchanged: { before: null, after: unchanged },
    },
  });
  await appendAuditEntries(tx, { orgId: org.orgId, actor: auditActorOf(actor), requestId }, events);
  return report(plan, format, dryRun, true);
};
