import type { Json, RecordColumns } from "../schema.js";

/** A change to an AI system, as its requester recorded it, with its approval and what it sent back for review. */
export interface SystemChangesTable extends RecordColumns {
  ref: string;
  system_id: string;
  kind: string;
  summary: string;
  description: string;
  risk_impact: string;
  risk_impact_note: string;
  material: boolean;
  /** What the change's kind suggested; `material` differs when the requester overrode it. */
  suggested_material: boolean;
  status: string;
  requested_by_member_id: string | null;
  decided_by_member_id: string | null;
  decided_at: Date | null;
  /** The approver's note, or the reason for a rejection. */
  decision_note: string | null;
  /** Risks a material change flagged for re-review when it was recorded. */
  rereview_risk_ids: Json<string[]>;
  /** The approved impact assessment a material change made stale, if the system had one. */
  stale_assessment_id: string | null;
}

/** Tables of migration 0015-change-control. */
export interface ChangeTables {
  system_changes: SystemChangesTable;
}
