import type { AssetValues } from "./asset-schemas.js";
import type { VendorValues } from "./vendor-schemas.js";

/**
 * How a column of the assets or vendors spreadsheet is read on import: `vendor` names a vendor,
 * `connectors` holds "name: permissions" entries, `read_only` is exported for people and skipped on import.
 */
export type RegisterColumnKind =
  | "text"
  | "enum"
  | "enum_list"
  | "text_list"
  | "date"
  | "owner"
  | "vendor"
  | "connectors"
  | "read_only";

/** One column of the assets or vendors spreadsheet; the export writes these and the import reads them back. */
export interface RegisterColumn<F extends string> {
  /** Stable key; a heading is matched to it case- and punctuation-insensitively. */
  key: string;
  header: string;
  /** The field it fills; null for a read-only column. */
  field: F | null;
  kind: RegisterColumnKind;
  /** Relative width in exports. */
  width?: number;
}

/** Columns of the assets register. Rows match existing assets by name, ignoring case. */
export const assetColumns: readonly RegisterColumn<keyof AssetValues>[] = [
  { key: "name", header: "Name", field: "name", kind: "text", width: 26 },
  { key: "kind", header: "Kind", field: "kind", kind: "enum", width: 14 },
  { key: "asset_version", header: "Version", field: "assetVersion", kind: "text", width: 14 },
  { key: "description", header: "Description", field: "description", kind: "text", width: 36 },
  { key: "owner_email", header: "Owner email", field: "ownerId", kind: "owner", width: 24 },
  { key: "vendor", header: "Vendor", field: "vendorId", kind: "vendor", width: 20 },
  // Links to systems are made on the system's page; the column is there to read.
  { key: "systems", header: "Used by systems", field: null, kind: "read_only", width: 24 },
  { key: "provenance", header: "Provenance", field: "provenance", kind: "text", width: 30 },
  { key: "acquisition_method", header: "Acquisition method", field: "acquisitionMethod", kind: "text", width: 24 },
  { key: "quality_notes", header: "Quality notes", field: "qualityNotes", kind: "text", width: 30 },
  { key: "preparation_notes", header: "Preparation notes", field: "preparationNotes", kind: "text", width: 30 },
  { key: "data_categories", header: "Data categories", field: "dataCategories", kind: "enum_list", width: 22 },
  { key: "licence", header: "Licence", field: "licence", kind: "text", width: 20 },
  // An SPDX expression; model cards and the AI-BOM are not spreadsheet material and stay out.
  { key: "licence_expression", header: "Licence (SPDX)", field: "licenceExpression", kind: "text", width: 22 },
  // Tools only: what a call does, and the name an agent calls it by.
  { key: "action_class", header: "Action class", field: "actionClass", kind: "enum", width: 18 },
  { key: "tool_name", header: "Tool call name", field: "toolName", kind: "text", width: 20 },
];

/** Columns of the vendor register. Rows match existing vendors by name, ignoring case. */
export const vendorColumns: readonly RegisterColumn<keyof VendorValues>[] = [
  { key: "name", header: "Name", field: "name", kind: "text", width: 24 },
  { key: "website", header: "Website", field: "website", kind: "text", width: 24 },
  { key: "services", header: "Services", field: "services", kind: "text", width: 30 },
  {
    key: "ai_features_on_by_default",
    header: "AI features on by default",
    field: "aiFeaturesOnByDefault",
    kind: "enum",
    width: 12,
  },
  {
    key: "trains_on_customer_data",
    header: "Trains on customer data",
    field: "trainsOnCustomerData",
    kind: "enum",
    width: 12,
  },
  { key: "data_retention", header: "Data retention", field: "dataRetention", kind: "text", width: 24 },
  { key: "connectors", header: "Connectors", field: "connectors", kind: "connectors", width: 32 },
  { key: "certifications", header: "Certifications", field: "certifications", kind: "text_list", width: 22 },
  { key: "last_review_date", header: "Last review date", field: "lastReviewDate", kind: "date", width: 12 },
  { key: "next_review_date", header: "Next review date", field: "nextReviewDate", kind: "date", width: 12 },
  { key: "review_notes", header: "Review notes", field: "reviewNotes", kind: "text", width: 30 },
];
