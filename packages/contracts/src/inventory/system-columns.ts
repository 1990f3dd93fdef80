import type { SystemValues } from "./system-schemas.js";

/** How a column's cells are read on import and written on export. */
export type SystemColumnKind = "text" | "slug" | "enum" | "list" | "boolean" | "date" | "owner";

/** One column of the systems spreadsheet; the export writes these and the import reads them back. */
export interface SystemColumn {
  /** Stable key; a heading is matched to it case- and punctuation-insensitively ("Impact tier" → impact_tier). */
  key: string;
  header: string;
  field: keyof SystemValues;
  kind: SystemColumnKind;
  /** Relative width in exports. */
  width?: number;
  /** Other words people use for a value, mapped to its key. */
  aliases?: Readonly<Record<string, string>>;
}

export const systemColumns: readonly SystemColumn[] = [
  { key: "slug", header: "Slug", field: "slug", kind: "slug", width: 22 },
  { key: "name", header: "Name", field: "name", kind: "text", width: 26 },
  { key: "description", header: "Description", field: "description", kind: "text", width: 40 },
  { key: "purpose", header: "Purpose", field: "purpose", kind: "text", width: 40 },
  { key: "intended_use", header: "Intended use", field: "intendedUse", kind: "text", width: 40 },
  { key: "limitations", header: "Limitations", field: "limitations", kind: "text", width: 40 },
  {
    key: "our_role",
    header: "Our role",
    field: "ourRole",
    kind: "enum",
    aliases: { operator: "deployer", operator_deployer: "deployer", developer: "provider" },
  },
  { key: "lifecycle_stage", header: "Lifecycle stage", field: "lifecycleStage", kind: "enum" },
  { key: "impact_tier", header: "Impact tier", field: "impactTier", kind: "enum", width: 12 },
  { key: "high_impact_reasons", header: "High impact reasons", field: "highImpactReasons", kind: "list", width: 24 },
  { key: "data_categories", header: "Data categories", field: "dataCategories", kind: "list", width: 24 },
  { key: "capabilities", header: "Capabilities", field: "capabilities", kind: "list", width: 24 },
  {
    key: "autonomy",
    header: "Autonomy",
    field: "autonomy",
    kind: "enum",
    aliases: { hitl: "human_in_the_loop", hotl: "human_on_the_loop" },
  },
  { key: "human_oversight", header: "Human oversight", field: "humanOversight", kind: "text", width: 40 },
  { key: "customer_facing", header: "Customer facing", field: "customerFacing", kind: "boolean", width: 10 },
  { key: "owner_email", header: "Owner email", field: "ownerId", kind: "owner", width: 26 },
  { key: "review_date", header: "Review date", field: "reviewDate", kind: "date", width: 12 },
];

/** Column key for each field, to name the column of a field's problem. */
export const systemColumnOfField: Readonly<Record<string, string>> = Object.fromEntries(
  systemColumns.map((column) => [column.field, column.key]),
);
