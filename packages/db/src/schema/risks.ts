import type { RecordColumns } from "../schema.js";

export interface RisksTable extends RecordColumns {
  ref: string;
  system_id: string | null;
  title: string;
  status: string;
}

/** Tables of migration 0003-risks. */
export interface RiskTables {
  risks: RisksTable;
}
