import type { CreatedAt, RecordColumns, UpdatedAt, Version } from "../schema.js";

export interface CorrectiveActionsTable {
  id: string;
  org_id: string;
  nonconformity_id: string;
  title: string;
  owner_member_id: string | null;
  /** 'YYYY-MM-DD' */
  due_date: string | null;
  /** open | in_progress | done | cancelled */
  status: string;
  done_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface EffectivenessChecksTable {
  id: string;
  org_id: string;
  nonconformity_id: string;
  /** 'YYYY-MM-DD' */
  checked_on: string;
  method: string;
  /** effective | not_effective */
  result: string;
  notes: string;
  checked_by_member_id: string | null;
  created_at: CreatedAt;
}

export interface ImprovementsTable extends RecordColumns {
  ref: string;
  title: string;
  description: string;
  /** manual | incident | alert | audit | management_review | nonconformity | concern | other */
  source: string;
  source_id: string | null;
  owner_member_id: string | null;
  /** proposed | planned | done | declined */
  status: string;
  decline_reason: string | null;
  raised_by_member_id: string | null;
}

/** Tables of migration 0018-corrective-action. */
export interface CorrectiveActionTables {
  corrective_actions: CorrectiveActionsTable;
  effectiveness_checks: EffectivenessChecksTable;
  improvements: ImprovementsTable;
}
