import type { CreatedAt, RecordColumns } from "../schema.js";

export interface EvidenceTable extends RecordColumns {
  ref: string;
  title: string;
  description: string | null;
  kind: string;
  source: string;
  url: string | null;
  /** The text of a record. */
  body: string | null;
  /** SHA-256 of the file's blob in the BlobStore; set for kind 'file'. */
  file_sha256: string | null;
  file_size: number | null;
  file_media_type: string | null;
  file_name: string | null;
  collected_at: Date;
  /** Null means it does not expire. */
  valid_until: Date | null;
  /** explicit | control_freshness | none: whether valid_until was given or derived. */
  validity_basis: string;
  created_by_member_id: string | null;
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
  archive_reason: string | null;
}

/** Tables of migration 0005-evidence. */
export interface EvidenceTables {
  evidence: EvidenceTable;
  evidence_links: EvidenceLinksTable;
}
