import type { RecordColumns } from "../schema.js";

export interface DocumentsTable extends RecordColumns {
  ref: string;
  title: string;
}

/** Tables of migration 0006-documents. */
export interface DocumentTables {
  documents: DocumentsTable;
}
