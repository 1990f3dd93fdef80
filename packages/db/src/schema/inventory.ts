import type { RecordColumns } from "../schema.js";

export interface OrgCountersTable {
  org_id: string;
  kind: string;
  next_value: number;
}

export interface AiSystemsTable extends RecordColumns {
  slug: string;
  name: string;
  material_changed_at: Date;
}

/** Tables of migration 0002-inventory. */
export interface InventoryTables {
  org_counters: OrgCountersTable;
  ai_systems: AiSystemsTable;
}
