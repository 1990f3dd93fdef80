import type { CreatedAt, Json, RecordColumns } from "../schema.js";

export interface RiskScaleLevelJson {
  label: string;
  description: string;
}

export interface RiskMethodsTable extends RecordColumns {
  likelihood_levels: Json<RiskScaleLevelJson[]>;
  impact_levels: Json<RiskScaleLevelJson[]>;
  /** matrix[l - 1][i - 1] is the rating of likelihood level l with impact level i. */
  matrix: Json<string[][]>;
  acceptable_without_treatment: string;
  /** Role → highest rating that role may accept, or null. */
  acceptance_by_role: Json<Record<string, string | null>>;
}

export interface RisksTable extends RecordColumns {
  ref: string;
  system_id: string | null;
  title: string;
  description: string;
  threat_id: string | null;
  risk_sources: Json<string[]>;
  status: string;
  owner_member_id: string | null;
  inherent_likelihood: number | null;
  inherent_impact: number | null;
  inherent_rating: string | null;
  treatment_option: string | null;
  residual_likelihood: number | null;
  residual_impact: number | null;
  residual_rating: string | null;
  /** 0 unrated, 1 low … 4 critical: the current (residual, else inherent) rating as a sort key. */
  rating_rank: number;
  /** A date column, read and written as 'YYYY-MM-DD'. */
  review_date: string | null;
  /** Last day the current acceptance covers ('YYYY-MM-DD'), while the risk is accepted. */
  accepted_until: string | null;
  /** When someone last confirmed the assessment still holds; existing risks start at their last change. */
  reviewed_at: Date | null;
  /** Set by a material change to the system (or a monitoring rule); cleared by the next review. */
  rereview_requested_at: Date | null;
}

export interface RiskTreatmentActionsTable extends RecordColumns {
  risk_id: string;
  title: string;
  owner_member_id: string | null;
  /** 'YYYY-MM-DD' */
  due_date: string | null;
  status: string;
}

export interface RiskAcceptancesTable {
  id: string;
  org_id: string;
  risk_id: string;
  rating: string;
  rationale: string;
  approver_member_id: string | null;
  approver_label: string;
  /** 'YYYY-MM-DD', the last day covered. */
  expires_on: string;
  withdrawn_at: Date | null;
  created_at: CreatedAt;
}

export interface ThreatProposalsTable extends RecordColumns {
  system_id: string;
  threat_id: string;
  reason: string;
  status: string;
  dismissal_reason: string | null;
  risk_id: string | null;
}

/** Tables of migration 0003-risks. */
export interface RiskTables {
  risk_methods: RiskMethodsTable;
  risks: RisksTable;
  risk_treatment_actions: RiskTreatmentActionsTable;
  risk_acceptances: RiskAcceptancesTable;
  threat_proposals: ThreatProposalsTable;
}
