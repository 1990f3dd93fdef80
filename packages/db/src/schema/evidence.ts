import type { CreatedAt, RecordColumns } from "../schema.js";

export interface EvidenceTable extends RecordColumns {
  ref: string;
  title: string;
  kind: string;
  source: string;
  collected_at: Date;
  valid_until: Date | null;
}

export interface EvidenceLinksTable {
  id: string;
  org_id: string;
  evidence_id: string;
  target_type: string;
  target_id: string | null;
  clause_id: string | null;
  created_at: CreatedAt;
  archived_at: Date | null;
}

/** Tables of migration 0005-evidence. */
export interface EvidenceTables {
  evidence: EvidenceTable;
  evidence_links: EvidenceLinksTable;
}
