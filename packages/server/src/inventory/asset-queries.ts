import type { ActionClass, AiAsset, AssetKind, DataCategory, ModelCard } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";
import { presentOwner } from "./owners.js";

/** Assets of one organisation with their owner and vendor names. */
export function assetQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("ai_assets")
    .leftJoin("memberships as owner", "owner.id", "ai_assets.owner_member_id")
    .leftJoin("users as owner_user", "owner_user.id", "owner.user_id")
    .leftJoin("vendors", "vendors.id", "ai_assets.vendor_id")
    .selectAll("ai_assets")
    .select(["owner_user.name as owner_name", "owner_user.email as owner_email", "vendors.name as vendor_name"])
    .where("ai_assets.org_id", "=", orgId);
}

export type AssetRow = Awaited<ReturnType<ReturnType<typeof assetQuery>["executeTakeFirstOrThrow"]>>;

export async function findAsset(
  db: Kysely<Database>,
  orgId: string,
  assetId: string,
  forUpdate = false,
): Promise<AssetRow> {
  let query = assetQuery(db, orgId).where("ai_assets.id", "=", assetId);
  if (forUpdate) query = query.forUpdate("ai_assets");
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("AI asset", assetId);
  return row;
}

/** Active systems each asset is linked to now, for a page of assets. */
async function linkedSystems(db: Kysely<Database>, orgId: string, assetIds: string[]) {
  const bySystem = new Map<string, AiAsset["systems"]>();
  if (assetIds.length === 0) return bySystem;
  const rows = await db
    .selectFrom("ai_system_assets as link")
    .innerJoin("ai_systems", "ai_systems.id", "link.system_id")
    .select(["link.asset_id", "ai_systems.id", "ai_systems.name", "ai_systems.slug"])
    .where("link.org_id", "=", orgId)
    .where("link.asset_id", "in", assetIds)
    .where("link.archived_at", "is", null)
    .where("ai_systems.archived_at", "is", null)
    .orderBy("ai_systems.name")
    .execute();
  for (const row of rows) {
    const list = bySystem.get(row.asset_id) ?? [];
    list.push({ id: row.id, name: row.name, slug: row.slug });
    bySystem.set(row.asset_id, list);
  }
  return bySystem;
}

/** Assets as the API presents them, each with the systems it is linked to. */
export async function presentAssets(db: Kysely<Database>, orgId: string, rows: AssetRow[]): Promise<AiAsset[]> {
  const systems = await linkedSystems(
    db,
    orgId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind as AssetKind,
    description: row.description,
    assetVersion: row.asset_version,
    owner: presentOwner(row),
    vendor: row.vendor_id ? { id: row.vendor_id, name: row.vendor_name ?? "" } : null,
    provenance: row.provenance,
    acquisitionMethod: row.acquisition_method,
    qualityNotes: row.quality_notes,
    preparationNotes: row.preparation_notes,
    dataCategories: row.data_categories as DataCategory[],
    licence: row.licence,
    licenceExpression: row.licence_expression,
    modelCard: row.model_card as ModelCard,
    actionClass: (row.action_class as ActionClass | null) ?? null,
    toolName: row.tool_name,
    systems: systems.get(row.id) ?? [],
    status: row.archived_at ? "archived" : "active",
    archiveReason: row.archive_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  }));
}

export async function presentAsset(db: Kysely<Database>, orgId: string, row: AssetRow): Promise<AiAsset> {
  const [asset] = await presentAssets(db, orgId, [row]);
  return asset as AiAsset;
}
