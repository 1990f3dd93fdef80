import type { RecordColumns } from "../schema.js";

export interface DocumentsTable extends RecordColumns {
  ref: string;
  title: string;
  kind: string;
  status: string;
  owner_member_id: string | null;
  next_review_date: string | null;
}

/** Tables of migration 0006-documents. */
export interface DocumentTables {
  documents: DocumentsTable;
}
