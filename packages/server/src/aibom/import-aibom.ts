import { randomUUID } from "node:crypto";
import { createVendorRequestSchema, type FieldMessage, fieldMessage, type Routes } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import { parseAibom, validateAibom } from "@openaims/modelscan";
import { sql } from "kysely";
import type { Handler } from "../http/handler-context.js";
import { invalidFields } from "../http/invalid-fields.js";
import { assetColumnsOf } from "../inventory/asset-handlers.js";
import { vendorColumnsOf } from "../inventory/vendor-queries.js";
import { type AibomImportPlan, planAibomImport } from "./plan-aibom-import.js";

/** At most this many problems are listed in a 400. */
const MAX_PROBLEMS = 100;

function readJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw invalidFields([fieldMessage("body", "must be a CycloneDX JSON document; this is not JSON", "AI-BOM")]);
  }
}

function refuse(problems: FieldMessage[]): never {
  throw invalidFields(problems.slice(0, MAX_PROBLEMS));
}

export const importAibom: Handler<Routes["importAibom"]> = async ({ tx, org, input, audit }) => {
  const document = readJson(input.body);
  const validation = validateAibom(document);
  if (!validation.valid) {
    refuse(validation.errors.map((error) => fieldMessage(`body${error.path.slice(1)}`, error.message, error.path)));
  }
  const dryRun = input.query.dryRun;
  // One import at a time per organisation, so two imports of the same BOM cannot both create an asset.
  if (!dryRun) await sql`select pg_advisory_xact_lock(hashtext(${`aibom_import:${org.orgId}`}))`.execute(tx);
  const plan = await planAibomImport(tx, org.orgId, parseAibom(document as Record<string, unknown>));
  if (plan.problems.length > 0) refuse(plan.problems);
  if (!dryRun) await applyPlan(tx, org.orgId, plan, audit);
  return { dryRun, applied: !dryRun, ...plan.report };
};

type Audit = Parameters<Handler<Routes["importAibom"]>>[0]["audit"];
type Tx = Parameters<Handler<Routes["importAibom"]>>[0]["tx"];

/** Writes the plan in the request's transaction: vendors, then assets, then links, each with its audit entry. */
async function applyPlan(tx: Tx, orgId: string, plan: AibomImportPlan, audit: Audit): Promise<void> {
  const vendorIds = new Map<string, string>();
  for (const asset of plan.assets) {
    if (!asset.newVendor) continue;
    const key = asset.newVendor.name.toLowerCase();
    let vendorId = vendorIds.get(key);
    if (!vendorId) {
      vendorId = randomUUID();
      const withSite = createVendorRequestSchema.safeParse({
        name: asset.newVendor.name,
        website: asset.newVendor.website,
      });
      const values = withSite.success ? withSite.data : createVendorRequestSchema.parse({ name: asset.newVendor.name });
      await tx
        .insertInto("vendors")
        .values({ id: vendorId, org_id: orgId, ...vendorColumnsOf(values) })
        .execute();
      await audit({
        action: "vendor.created",
        entityType: "vendor",
        entityId: vendorId,
        changes: diffChanges(null, values),
      });
      vendorIds.set(key, vendorId);
    }
    asset.values = { ...asset.values, vendorId };
  }
  for (const asset of plan.assets) {
    if (asset.action === "create") {
      await tx
        .insertInto("ai_assets")
        .values({ id: asset.id, org_id: orgId, ...assetColumnsOf(asset.values) })
        .execute();
      await audit({
        action: "asset.created",
        entityType: "ai_asset",
        entityId: asset.id,
        changes: diffChanges(null, asset.values),
      });
    } else if (asset.action === "update" && asset.before) {
      await tx
        .updateTable("ai_assets")
        .set({ ...assetColumnsOf(asset.values), version: sql<number>`version + 1`, updated_at: new Date() })
        .where("id", "=", asset.id)
        .where("org_id", "=", orgId)
        .execute();
      await audit({
        action: "asset.updated",
        entityType: "ai_asset",
        entityId: asset.id,
        changes: diffChanges(asset.before, asset.values),
      });
    }
  }
  for (const link of plan.links) {
    const id = randomUUID();
    await tx
      .insertInto("ai_system_assets")
      .values({ id, org_id: orgId, system_id: link.systemId, asset_id: link.assetId, note: "Imported from an AI-BOM" })
      .execute();
    await audit({
      action: "system.asset_linked",
      entityType: "system_asset_link",
      entityId: id,
      changes: { systemId: { before: null, after: link.systemId }, assetId: { before: null, after: link.assetId } },
    });
  }
  await audit({
    action: "aibom.imported",
    entityType: "organization",
    entityId: orgId,
    changes: { imported: { before: null, after: plan.report.summary } },
  });
}
