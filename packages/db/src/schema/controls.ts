import type { RecordColumns } from "../schema.js";

export interface ControlsTable extends RecordColumns {
  ref: string;
  title: string;
}

/** Tables of migration 0004-controls. */
export interface ControlTables {
  controls: ControlsTable;
}
