import type { RecordColumns } from "../schema.js";

export interface EvidenceTable extends RecordColumns {
  ref: string;
  title: string;
}

/** Tables of migration 0005-evidence. */
export interface EvidenceTables {
  evidence: EvidenceTable;
}
