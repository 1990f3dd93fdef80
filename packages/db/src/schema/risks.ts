import type { RecordColumns } from "../schema.js";

export interface RisksTable extends RecordColumns {
  ref: string;
  system_id: string | null;
  title: string;
  status: string;
  owner_member_id: string | null;
  inherent_rating: string | null;
  residual_rating: string | null;
}

/** Tables of migration 0003-risks. */
export interface RiskTables {
  risks: RisksTable;
}
