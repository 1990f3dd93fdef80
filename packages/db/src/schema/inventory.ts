import type { ColumnType } from "kysely";
import type { CreatedAt, Json, RecordColumns } from "../schema.js";

export interface OrgCountersTable {
  org_id: string;
  kind: string;
  next_value: number;
}

/** Free-text columns default to the empty string. */
type Text = ColumnType<string, string | undefined, string>;

export interface AiSystemsTable extends RecordColumns {
  slug: string;
  name: string;
  description: Text;
  purpose: Text;
  intended_use: Text;
  limitations: Text;
  our_role: string;
  lifecycle_stage: string;
  impact_tier: string;
  high_impact_reasons: Json<string[]>;
  data_categories: Json<string[]>;
  capabilities: Json<string[]>;
  autonomy: string;
  human_oversight: Text;
  customer_facing: boolean;
  owner_member_id: string | null;
  /** A date column, read and written as 'YYYY-MM-DD'. */
  review_date: string | null;
  /** Defaults to the creation time. */
  material_changed_at: ColumnType<Date, Date | undefined, Date>;
}

export interface VendorsTable extends RecordColumns {
  name: string;
  website: Text;
  services: Text;
  /** yes | no | unknown */
  ai_features_on_by_default: string;
  data_retention: Text;
  /** yes | no | opt_out | unknown */
  trains_on_customer_data: string;
  connectors: Json<{ name: string; permissions: string }[]>;
  certifications: Json<string[]>;
  /** Date columns, read and written as 'YYYY-MM-DD'. */
  last_review_date: string | null;
  next_review_date: string | null;
  review_notes: Text;
}

export interface AiAssetsTable extends RecordColumns {
  name: string;
  kind: string;
  description: Text;
  /** The asset's own version label, not the record's optimistic version. */
  asset_version: Text;
  owner_member_id: string | null;
  vendor_id: string | null;
  provenance: Text;
  acquisition_method: Text;
  quality_notes: Text;
  preparation_notes: Text;
  data_categories: Json<string[]>;
  licence: Text;
  /** The licence as an SPDX expression (LicenseRef- ids for model licences SPDX lacks); null: not known. */
  licence_expression: ColumnType<string | null, string | null | undefined, string | null>;
  /** Model-card fields for the AI bill of materials: approach, task, metrics, considerations. */
  model_card: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** Tools: read | write | financial | external_communication | code_execution | data_export; null: not set. */
  action_class: ColumnType<string | null, string | null | undefined, string | null>;
  /** Tools: the name an agent calls the tool by; null: the asset's name. */
  tool_name: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A link between a system and an asset; archived, never deleted, when the system stops using the asset. */
export interface AiSystemAssetsTable {
  id: string;
  org_id: string;
  system_id: string;
  asset_id: string;
  note: Text;
  created_at: CreatedAt;
  archived_at: Date | null;
  archive_reason: string | null;
}

/** Tables of migration 0002-inventory. */
export interface InventoryTables {
  org_counters: OrgCountersTable;
  ai_systems: AiSystemsTable;
  vendors: VendorsTable;
  ai_assets: AiAssetsTable;
  ai_system_assets: AiSystemAssetsTable;
}
