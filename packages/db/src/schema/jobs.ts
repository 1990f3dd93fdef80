import type { CreatedAt, Json } from "../schema.js";

export interface JobsTable {
  id: string;
  org_id: string | null;
  kind: string;
  key: string;
  payload: Json<Record<string, unknown>>;
  run_at: Date | undefined;
  /** queued | running | done | dead */
  status: string | undefined;
  attempts: number | undefined;
  max_attempts: number | undefined;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  created_at: CreatedAt;
  finished_at: Date | null;
}

export interface RemindersTable {
  id: string;
  org_id: string;
  member_id: string;
  kind: string;
  record_type: string;
  record_id: string;
  ref: string | null;
  occasion: string;
  title: string;
  path: string;
  /** 'YYYY-MM-DD' */
  due_date: string | null;
  created_at: CreatedAt;
}

/** Tables of migration 0023-jobs-and-reminders. */
export interface JobTables {
  jobs: JobsTable;
  reminders: RemindersTable;
}
