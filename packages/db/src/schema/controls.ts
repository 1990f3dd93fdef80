import type { RecordColumns } from "../schema.js";

export interface ControlsTable extends RecordColumns {
  ref: string;
  title: string;
  kind: string;
  applicable: boolean | null;
  justification: string | null;
  implementation_status: string;
  owner_member_id: string | null;
  evidence_requirement: string | null;
  evidence_freshness_days: number | null;
}

/** Tables of migration 0004-controls. */
export interface ControlTables {
  controls: ControlsTable;
}
