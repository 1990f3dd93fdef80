import type { Vendor, VendorConnector, VendorValues } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";

/** Vendors of one organisation, each with the number of active assets recorded as theirs. */
export function vendorQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("vendors")
    .selectAll("vendors")
    .select((eb) =>
      eb
        .selectFrom("ai_assets")
        .select((inner) => inner.fn.countAll<string>().as("n"))
        .whereRef("ai_assets.vendor_id", "=", "vendors.id")
        .where("ai_assets.archived_at", "is", null)
        .as("asset_count"),
    )
    .where("vendors.org_id", "=", orgId);
}

export type VendorRow = Awaited<ReturnType<ReturnType<typeof vendorQuery>["executeTakeFirstOrThrow"]>>;

export async function findVendor(
  db: Kysely<Database>,
  orgId: string,
  vendorId: string,
  forUpdate = false,
): Promise<VendorRow> {
  let query = vendorQuery(db, orgId).where("vendors.id", "=", vendorId);
  if (forUpdate) query = query.forUpdate("vendors");
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("Vendor", vendorId);
  return row;
}

export function vendorValuesOf(row: VendorRow): VendorValues {
  return {
    name: row.name,
    website: row.website,
    services: row.services,
    aiFeaturesOnByDefault: row.ai_features_on_by_default as VendorValues["aiFeaturesOnByDefault"],
    dataRetention: row.data_retention,
    trainsOnCustomerData: row.trains_on_customer_data as VendorValues["trainsOnCustomerData"],
    connectors: row.connectors as VendorConnector[],
    certifications: row.certifications,
    lastReviewDate: row.last_review_date,
    nextReviewDate: row.next_review_date,
    reviewNotes: row.review_notes,
  };
}

export function vendorColumnsOf(values: VendorValues) {
  return {
    name: values.name,
    website: values.website,
    services: values.services,
    ai_features_on_by_default: values.aiFeaturesOnByDefault,
    data_retention: values.dataRetention,
    trains_on_customer_data: values.trainsOnCustomerData,
    connectors: JSON.stringify(values.connectors),
    certifications: JSON.stringify(values.certifications),
    last_review_date: values.lastReviewDate,
    next_review_date: values.nextReviewDate,
    review_notes: values.reviewNotes,
  };
}

export function presentVendor(row: VendorRow): Vendor {
  return {
    id: row.id,
    ...vendorValuesOf(row),
    assetCount: Number(row.asset_count ?? 0),
    status: row.archived_at ? "archived" : "active",
    archiveReason: row.archive_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
