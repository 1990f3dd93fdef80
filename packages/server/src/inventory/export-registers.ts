import { assetColumns, type ExportFormat, type Routes, vendorColumns } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { exportColumnsOf, exportOrgTable, type TableExport } from "../exports/index.js";
import type { Handler } from "../http/handler-context.js";
import { assetQuery, presentAssets } from "./asset-queries.js";
import { presentVendor, vendorQuery } from "./vendor-queries.js";

/** A register as the organisation holds it now. */
function exportRegister(
  tx: Kysely<Database>,
  orgId: string,
  table: Pick<TableExport, "title" | "columns" | "rows" | "filenameStem">,
  format: ExportFormat,
) {
  // Registers are live records with no approval step of their own; the cover says "Not approved".
  return exportOrgTable(tx, orgId, { ...table, generatedAt: new Date(), version: "current", approval: null }, format);
}

/** The active assets with their dataset facts and the systems (by slug) that use them. */
export const exportAssets: Handler<Routes["exportAssets"]> = async ({ tx, org, input }) => {
  const rows = await assetQuery(tx, org.orgId)
    .where("ai_assets.archived_at", "is", null)
    .orderBy("ai_assets.name")
    .orderBy("ai_assets.id")
    .execute();
  const assets = await presentAssets(tx, org.orgId, rows);
  const cells = assets.map((asset) => ({
    name: asset.name,
    kind: asset.kind,
    asset_version: asset.assetVersion,
    description: asset.description,
    owner_email: asset.owner?.email ?? "",
    vendor: asset.vendor?.name ?? "",
    systems: asset.systems.map((system) => system.slug).join("; "),
    provenance: asset.provenance,
    acquisition_method: asset.acquisitionMethod,
    quality_notes: asset.qualityNotes,
    preparation_notes: asset.preparationNotes,
    data_categories: asset.dataCategories.join("; "),
    licence: asset.licence,
    licence_expression: asset.licenceExpression ?? "",
    action_class: asset.actionClass ?? "",
    tool_name: asset.toolName ?? "",
  }));
  const table = { title: "AI assets", columns: exportColumnsOf(assetColumns), rows: cells, filenameStem: "ai-assets" };
  return exportRegister(tx, org.orgId, table, input.query.format);
};

/** The active vendors with their AI practices, connectors ("name: permissions") and review dates. */
export const exportVendors: Handler<Routes["exportVendors"]> = async ({ tx, org, input }) => {
  const rows = await vendorQuery(tx, org.orgId)
    .where("vendors.archived_at", "is", null)
    .orderBy("vendors.name")
    .orderBy("vendors.id")
    .execute();
  const cells = rows.map(presentVendor).map((vendor) => ({
    name: vendor.name,
    website: vendor.website,
    services: vendor.services,
    ai_features_on_by_default: vendor.aiFeaturesOnByDefault,
    trains_on_customer_data: vendor.trainsOnCustomerData,
    data_retention: vendor.dataRetention,
    connectors: vendor.connectors.map((c) => (c.permissions ? `${c.name}: ${c.permissions}` : c.name)).join("; "),
    certifications: vendor.certifications.join("; "),
    last_review_date: vendor.lastReviewDate ?? "",
    next_review_date: vendor.nextReviewDate ?? "",
    review_notes: vendor.reviewNotes,
  }));
  const table = {
    title: "AI vendors",
    columns: exportColumnsOf(vendorColumns),
    rows: cells,
    filenameStem: "ai-vendors",
  };
  return exportRegister(tx, org.orgId, table, input.query.format);
};
