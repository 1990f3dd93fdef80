import type { Json, RecordColumns, UpdatedAt } from "../schema.js";

export interface ManagementReviewsTable extends RecordColumns {
  ref: string;
  title: string;
  /** 'YYYY-MM-DD' */
  scheduled_for: string;
  /** planned | in_progress | closed | cancelled */
  status: string;
  chair_member_id: string | null;
  attendees: Json<string[]>;
  /** The compiled input pack, one key per 9.3.2 input. */
  pack: Json<Record<string, unknown>> | null;
  pack_as_of: Date | null;
  pack_compiled_at: Date | null;
  minutes: string;
  /** 'YYYY-MM-DD' */
  held_on: string | null;
  closed_at: Date | null;
  created_by_member_id: string | null;
}

export interface ReviewInputDecisionsTable {
  review_id: string;
  org_id: string;
  input_key: string;
  decision: string;
  decided_by_member_id: string | null;
  updated_at: UpdatedAt;
}

export interface ReviewActionsTable extends RecordColumns {
  ref: string;
  review_id: string;
  input_key: string | null;
  title: string;
  description: string;
  owner_member_id: string | null;
  /** 'YYYY-MM-DD' */
  due_date: string | null;
  /** open | in_progress | done | cancelled */
  status: string;
  done_at: Date | null;
}

/** Tables of migration 0020-management-review. */
export interface ManagementReviewTables {
  management_reviews: ManagementReviewsTable;
  review_input_decisions: ReviewInputDecisionsTable;
  review_actions: ReviewActionsTable;
}
