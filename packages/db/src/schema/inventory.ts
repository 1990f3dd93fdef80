import type { Json, RecordColumns } from "../schema.js";

export interface OrgCountersTable {
  org_id: string;
  kind: string;
  next_value: number;
}

export interface AiSystemsTable extends RecordColumns {
  slug: string;
  name: string;
  our_role: string;
  lifecycle_stage: string;
  impact_tier: string;
  data_categories: Json<string[]>;
  capabilities: Json<string[]>;
  autonomy: string;
  customer_facing: boolean;
  owner_member_id: string | null;
  /** A date column, read and written as 'YYYY-MM-DD'. */
  review_date: string | null;
  material_changed_at: Date;
}

/** Tables of migration 0002-inventory. */
export interface InventoryTables {
  org_counters: OrgCountersTable;
  ai_systems: AiSystemsTable;
}
