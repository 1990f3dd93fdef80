import type { Json, RecordColumns } from "../schema.js";

/** One submission, return or approval of a revision. */
export interface ImpactReviewLogRow {
  action: "submitted" | "returned" | "approved";
  /** ISO-8601 timestamp. */
  at: string;
  by: { id: string; name: string };
  comment: string | null;
}

export interface ImpactAssessmentsTable extends RecordColumns {
  system_id: string;
  ref: string;
  revision: number;
  /** draft | submitted | approved | superseded */
  status: string;
  based_on_id: string | null;
  /** Context, dimensions and conclusion; shaped by the contracts' impactContentSchema. */
  content: Json<unknown>;
  created_by: string | null;
  submitted_at: Date | null;
  submitted_by: string | null;
  submitted_content_hash: string | null;
  submitted_system_material_at: Date | null;
  approved_at: Date | null;
  approved_by: string | null;
  /** The system's material_changed_at at approval; the assessment is stale once the system's is later. */
  system_material_at: Date | null;
  superseded_at: Date | null;
  review_log: Json<ImpactReviewLogRow[]>;
}

/** Tables of migration 0007-impact-assessments. */
export interface ImpactAssessmentTables {
  impact_assessments: ImpactAssessmentsTable;
}
