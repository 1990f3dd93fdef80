import { randomUUID } from "node:crypto";
import {
  type AibomImportReport,
  type AssetValues,
  createAssetRequestSchema,
  type FieldMessage,
  fieldMessage,
} from "@openaims/contracts";
import { canonicalJson, diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import { assetIdOfRef, type ParsedAibom } from "@openaims/modelscan";
import type { Kysely } from "kysely";
import { assetValuesOf } from "../inventory/asset-handlers.js";
import { type AssetRow, assetQuery } from "../inventory/asset-queries.js";

/** One asset the import writes: created with a new id, or updated from the values it has now. */
export interface PlannedAsset {
  path: string;
  id: string;
  action: "create" | "update" | "unchanged";
  values: AssetValues;
  before: AssetValues | null;
  beforeVersion: number | null;
  /** A vendor the BOM names that this organisation does not have yet; created before the asset. */
  newVendor: { name: string; website: string } | null;
}

export interface AibomImportPlan {
  assets: PlannedAsset[];
  links: { systemId: string; assetId: string }[];
  report: Omit<AibomImportReport, "dryRun" | "applied">;
  problems: FieldMessage[];
}

/** Values as the BOM carries them: data categories are a set, written sorted. */
function comparableValues(values: AssetValues): AssetValues {
  return { ...values, dataCategories: [...values.dataCategories].sort() };
}

/** A problem at a JSON path of the BOM, named the way the route registry names body fields. */
function problemAt(path: string, message: string): FieldMessage {
  return fieldMessage(`body${path.slice(1)}`, message, path);
}

/**
 * What importing a parsed AI-BOM would do: each asset matched by our bom-ref, else by name and kind
 * (ignoring case), else created; vendors matched by name; owners by e-mail; the model cards'
 * datasets resolved to asset ids; systems named by slug linked to their assets.
 */
export async function planAibomImport(
  db: Kysely<Database>,
  orgId: string,
  parsed: ParsedAibom,
): Promise<AibomImportPlan> {
  const problems: FieldMessage[] = parsed.problems.map((problem) => problemAt(problem.path, problem.message));
  const warnings: string[] = [];
  const rows = await assetQuery(db, orgId).where("ai_assets.archived_at", "is", null).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const byNameKind = new Map<string, AssetRow[]>();
  for (const row of rows) {
    const key = `${row.kind}\u0000${row.name.toLowerCase()}`;
    byNameKind.set(key, [...(byNameKind.get(key) ?? []), row]);
  }
  const vendors = await db
    .selectFrom("vendors")
    .select(["id", "name"])
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null)
    .execute();
  const vendorByName = new Map(vendors.map((vendor) => [vendor.name.toLowerCase(), vendor.id]));
  const members = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["memberships.id", "users.email"])
    .where("memberships.org_id", "=", orgId)
    .where("memberships.archived_at", "is", null)
    .execute();
  const memberByEmail = new Map(members.map((member) => [member.email.toLowerCase(), member.id]));

  // First pass: which asset each entry is, so model cards can point at datasets created by the same import.
  const matched = new Set<string>();
  const idOfEntry = parsed.assets.map((entry) => {
    const own = entry.assetId ? byId.get(entry.assetId) : undefined;
    if (own && own.kind === entry.values.kind) return { id: own.id, row: own as AssetRow | undefined };
    const same = byNameKind.get(`${entry.values.kind}\u0000${entry.values.name.toLowerCase()}`) ?? [];
    if (same.length > 1) {
      problems.push(
        problemAt(
          `${entry.path}.name`,
          `${same.length} active ${entry.values.kind} assets are named '${entry.values.name}'; rename all but one`,
        ),
      );
    }
    if (same.length === 1) return { id: (same[0] as AssetRow).id, row: same[0] };
    return { id: randomUUID(), row: undefined };
  });
  const idOfRef = new Map<string, { id: string; kind: string }>();
  parsed.assets.forEach((entry, index) => {
    const target = idOfEntry[index] as { id: string };
    if (matched.has(target.id))
      problems.push(problemAt(entry.path, "describes the same asset as another component of this BOM"));
    matched.add(target.id);
    if (entry.bomRef) idOfRef.set(entry.bomRef, { id: target.id, kind: entry.values.kind });
  });

  const assets: PlannedAsset[] = [];
  const newVendors = new Set<string>();
  parsed.assets.forEach((entry, index) => {
    const { id, row } = idOfEntry[index] as { id: string; row: AssetRow | undefined };
    const before = row ? assetValuesOf(row) : null;
    const datasets = entry.datasetRefs?.flatMap(({ ref, path }) => {
      const inBom = idOfRef.get(ref);
      const ours = assetIdOfRef(ref);
      const existing = ours ? byId.get(ours) : undefined;
      const target = inBom ?? (existing ? { id: existing.id, kind: existing.kind } : undefined);
      if (target?.kind !== "dataset") {
        problems.push(
          problemAt(
            path,
            `must refer to a data component of this BOM or a dataset asset of this organisation ('${ref}' is neither)`,
          ),
        );
        return [];
      }
      return [{ assetId: target.id }];
    });
    const card = entry.values.modelCard as { modelParameters?: Record<string, unknown> };
    const modelCard =
      datasets === undefined ? card : { ...card, modelParameters: { ...(card.modelParameters ?? {}), datasets } };
    let vendorId: string | null = null;
    let newVendor: PlannedAsset["newVendor"] = null;
    if (entry.vendor) {
      vendorId = vendorByName.get(entry.vendor.name.toLowerCase()) ?? null;
      if (!vendorId && !newVendors.has(entry.vendor.name.toLowerCase())) {
        newVendors.add(entry.vendor.name.toLowerCase());
        newVendor = entry.vendor;
        warnings.push(`The vendor '${entry.vendor.name}' does not exist yet and will be created.`);
      } else if (!vendorId) newVendor = entry.vendor;
    }
    let ownerId: string | null = null;
    if (entry.ownerEmail) {
      ownerId = memberByEmail.get(entry.ownerEmail.toLowerCase()) ?? null;
      if (!ownerId) {
        ownerId = before?.ownerId ?? null;
        warnings.push(
          `No active member has the e-mail ${entry.ownerEmail}; '${entry.values.name}' keeps ${before?.ownerId ? "its owner" : "no owner"}.`,
        );
      }
    }
    const parsedValues = createAssetRequestSchema.safeParse({ ...entry.values, modelCard, ownerId, vendorId });
    if (!parsedValues.success) {
      for (const issue of parsedValues.error.issues) {
        problems.push(problemAt(`${entry.path}.${issue.path.map(String).join(".")}`, issue.message));
      }
      return;
    }
    const values: AssetValues = {
      ...parsedValues.data,
      licenceExpression: parsedValues.data.licenceExpression || null,
      dataCategories: [...new Set(parsedValues.data.dataCategories)],
      // An AI-BOM carries no action classes or call names; an import keeps what the inventory has.
      actionClass: before?.actionClass ?? null,
      toolName: before?.toolName ?? null,
    };
    // A vendor this import creates is new to the asset too, so an existing asset changes.
    const same =
      before !== null &&
      !newVendor &&
      canonicalJson(comparableValues(before)) === canonicalJson(comparableValues(values));
    const action = !before ? "create" : same ? "unchanged" : "update";
    assets.push({ path: entry.path, id, action, values, before, beforeVersion: row?.version ?? null, newVendor });
  });

  const systemsReport: AibomImportReport["systems"] = [];
  const links: AibomImportPlan["links"] = [];
  for (const system of parsed.systems) {
    const row = await db
      .selectFrom("ai_systems")
      .select("id")
      .where("org_id", "=", orgId)
      .where("slug", "=", system.slug)
      .where("archived_at", "is", null)
      .executeTakeFirst();
    if (!row) {
      warnings.push(`No active AI system has the slug '${system.slug}'; its assets are imported without a link.`);
      systemsReport.push({ slug: system.slug, systemId: null, found: false, newLinks: 0 });
      continue;
    }
    const current = await db
      .selectFrom("ai_system_assets")
      .select("asset_id")
      .where("org_id", "=", orgId)
      .where("system_id", "=", row.id)
      .where("archived_at", "is", null)
      .execute();
    const linked = new Set(current.map((link) => link.asset_id));
    const wanted = [...new Set(system.assetRefs.map((ref) => idOfRef.get(ref)?.id).filter((id) => id !== undefined))];
    const fresh = wanted.filter((id) => !linked.has(id));
    links.push(...fresh.map((assetId) => ({ systemId: row.id, assetId })));
    systemsReport.push({ slug: system.slug, systemId: row.id, found: true, newLinks: fresh.length });
  }

  const count = (action: PlannedAsset["action"]) => assets.filter((asset) => asset.action === action).length;
  return {
    assets,
    links,
    problems,
    report: {
      summary: {
        create: count("create"),
        update: count("update"),
        unchanged: count("unchanged"),
        links: links.length,
        skipped: parsed.skipped.length,
      },
      assets: assets.map((asset) => ({
        path: asset.path,
        name: asset.values.name,
        kind: asset.values.kind,
        action: asset.action,
        assetId: asset.before ? asset.id : null,
        changedFields: asset.before ? Object.keys(diffChanges(asset.before, asset.values)) : [],
      })),
      systems: systemsReport,
      skipped: parsed.skipped,
      warnings,
    },
  };
}
