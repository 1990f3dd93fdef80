import type { ExportFormat, Routes } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { type ExportColumn, type ExportHeaderTarget, exportTable, type TableExport } from "../exports/index.js";
import type { Handler } from "../http/handler-context.js";
import { assetQuery, presentAssets } from "./asset-queries.js";
import { presentVendor, vendorQuery } from "./vendor-queries.js";

async function exportRegister(
  tx: Kysely<Database>,
  orgId: string,
  table: Pick<TableExport, "title" | "columns" | "rows" | "filenameStem">,
  format: ExportFormat,
  reply: ExportHeaderTarget,
) {
  const organization = await tx
    .selectFrom("organizations")
    .select("name")
    .where("id", "=", orgId)
    .executeTakeFirstOrThrow();
  return exportTable(
    { ...table, orgName: organization.name, generatedAt: new Date(), version: "current" },
    format,
    reply,
  );
}

const assetColumns: ExportColumn[] = [
  { key: "name", header: "Name", width: 26 },
  { key: "kind", header: "Kind", width: 14 },
  { key: "asset_version", header: "Version", width: 14 },
  { key: "description", header: "Description", width: 36 },
  { key: "owner_email", header: "Owner email", width: 24 },
  { key: "vendor", header: "Vendor", width: 20 },
  { key: "systems", header: "Used by systems", width: 24 },
  { key: "provenance", header: "Provenance", width: 30 },
  { key: "acquisition_method", header: "Acquisition method", width: 24 },
  { key: "quality_notes", header: "Quality notes", width: 30 },
  { key: "preparation_notes", header: "Preparation notes", width: 30 },
  { key: "data_categories", header: "Data categories", width: 22 },
  { key: "licence", header: "Licence", width: 20 },
];

/** The active assets with their dataset facts and the systems (by slug) that use them. */
export const exportAssets: Handler<Routes["exportAssets"]> = async ({ tx, org, input, reply }) => {
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
  }));
  const table = { title: "AI assets", columns: assetColumns, rows: cells, filenameStem: "ai-assets" };
  return exportRegister(tx, org.orgId, table, input.query.format, reply);
};

const vendorColumns: ExportColumn[] = [
  { key: "name", header: "Name", width: 24 },
  { key: "website", header: "Website", width: 24 },
  { key: "services", header: "Services", width: 30 },
  { key: "ai_features_on_by_default", header: "AI features on by default", width: 12 },
  { key: "trains_on_customer_data", header: "Trains on customer data", width: 12 },
  { key: "data_retention", header: "Data retention", width: 24 },
  { key: "connectors", header: "Connectors", width: 32 },
  { key: "certifications", header: "Certifications", width: 22 },
  { key: "last_review_date", header: "Last review date", width: 12 },
  { key: "next_review_date", header: "Next review date", width: 12 },
  { key: "review_notes", header: "Review notes", width: 30 },
];

/** The active vendors with their AI practices, connectors ("name: permissions") and review dates. */
export const exportVendors: Handler<Routes["exportVendors"]> = async ({ tx, org, input, reply }) => {
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
  const table = { title: "AI vendors", columns: vendorColumns, rows: cells, filenameStem: "ai-vendors" };
  return exportRegister(tx, org.orgId, table, input.query.format, reply);
};
