import type { AssetKind, DataCategory, ModelCard, SignatureStatus } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { AibomAsset, AibomScanFacts, AibomSystem } from "@openaims/modelscan";
import type { Kysely } from "kysely";

/** The latest scan of each asset, for the hashes and signature status the BOM carries. */
async function latestScans(db: Kysely<Database>, orgId: string, assetIds: string[]) {
  const byAsset = new Map<string, AibomScanFacts>();
  if (assetIds.length === 0) return byAsset;
  const rows = await db
    .selectFrom("model_scans")
    .select(["asset_id", "ref", "finished_at", "highest_severity", "signature_status", "files"])
    .where("org_id", "=", orgId)
    .where("asset_id", "in", assetIds)
    .where("archived_at", "is", null)
    .orderBy("finished_at", "desc")
    .orderBy("id", "desc")
    .execute();
  for (const row of rows) {
    if (!row.asset_id || byAsset.has(row.asset_id)) continue;
    byAsset.set(row.asset_id, {
      ref: row.ref,
      finishedAt: row.finished_at.toISOString(),
      highestSeverity: row.highest_severity,
      signatureStatus: row.signature_status as SignatureStatus,
      files: row.files.map((file) => ({ path: file.path, sha256: file.sha256 })),
    });
  }
  return byAsset;
}

/** Active assets of the organisation (all, or these ids) with owner, vendor and latest scan. */
export async function loadAibomAssets(
  db: Kysely<Database>,
  orgId: string,
  onlyIds: string[] | null,
): Promise<AibomAsset[]> {
  if (onlyIds && onlyIds.length === 0) return [];
  let query = db
    .selectFrom("ai_assets")
    .leftJoin("memberships as owner", "owner.id", "ai_assets.owner_member_id")
    .leftJoin("users as owner_user", "owner_user.id", "owner.user_id")
    .leftJoin("vendors", "vendors.id", "ai_assets.vendor_id")
    .selectAll("ai_assets")
    .select(["owner_user.name as owner_name", "owner_user.email as owner_email"])
    .select(["vendors.name as vendor_name", "vendors.website as vendor_website"])
    .where("ai_assets.org_id", "=", orgId)
    .where("ai_assets.archived_at", "is", null);
  if (onlyIds) query = query.where("ai_assets.id", "in", onlyIds);
  const rows = await query.orderBy("ai_assets.id").execute();
  const scans = await latestScans(
    db,
    orgId,
    rows.filter((row) => row.kind === "model").map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind as AssetKind,
    description: row.description,
    assetVersion: row.asset_version,
    licence: row.licence,
    licenceExpression: row.licence_expression,
    modelCard: row.model_card as ModelCard,
    provenance: row.provenance,
    acquisitionMethod: row.acquisition_method,
    qualityNotes: row.quality_notes,
    preparationNotes: row.preparation_notes,
    dataCategories: row.data_categories as DataCategory[],
    owner: row.owner_email ? { name: row.owner_name ?? "", email: row.owner_email } : null,
    vendor: row.vendor_name ? { name: row.vendor_name, website: row.vendor_website ?? "" } : null,
    scan: scans.get(row.id) ?? null,
  }));
}

/** Active systems (all, or one) with the ids of the assets each uses now. */
export async function loadAibomSystems(
  db: Kysely<Database>,
  orgId: string,
  onlyId: string | null,
): Promise<AibomSystem[]> {
  let query = db
    .selectFrom("ai_systems")
    .select(["id", "slug", "name", "description"])
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null);
  if (onlyId) query = query.where("id", "=", onlyId);
  const systems = await query.orderBy("slug").execute();
  if (systems.length === 0) return [];
  const links = await db
    .selectFrom("ai_system_assets")
    .select(["system_id", "asset_id"])
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null)
    .where(
      "system_id",
      "in",
      systems.map((system) => system.id),
    )
    .execute();
  return systems.map((system) => ({
    ...system,
    assetIds: links.filter((link) => link.system_id === system.id).map((link) => link.asset_id),
  }));
}
