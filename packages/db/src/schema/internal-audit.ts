import type { Json, RecordColumns, UpdatedAt, Version } from "../schema.js";

export interface AuditProgrammesTable extends RecordColumns {
  ref: string;
  title: string;
  /** 'YYYY-MM-DD' */
  period_start: string;
  /** 'YYYY-MM-DD' */
  period_end: string;
  /** monthly | quarterly | semiannual | annual */
  frequency: string;
  objectives: string;
  methods: string;
  responsibilities: string;
  reporting: string;
  created_by_member_id: string | null;
}

export interface InternalAuditsTable extends RecordColumns {
  ref: string;
  programme_id: string | null;
  title: string;
  scope_clauses: Json<string[]>;
  scope_controls: Json<string[]>;
  scope_system_ids: Json<string[]>;
  scope_processes: Json<string[]>;
  criteria: string;
  /** 'YYYY-MM-DD' */
  planned_start: string;
  /** 'YYYY-MM-DD' */
  planned_end: string;
  lead_auditor_member_id: string | null;
  /** planned | in_progress | reporting | closed | cancelled */
  status: string;
  conclusion: string;
  started_at: Date | null;
  closed_at: Date | null;
  created_by_member_id: string | null;
}

export interface InternalAuditAuditorsTable {
  audit_id: string;
  org_id: string;
  member_id: string;
}

export interface AuditChecklistItemsTable {
  id: string;
  org_id: string;
  audit_id: string;
  position: number;
  /** clause | annex_a */
  requirement_kind: string;
  requirement_id: string;
  title: string;
  procedure: string;
  pass_criterion: string;
  assignee_member_id: string | null;
  /** null until answered; conforming | minor_nc | major_nc | observation | opportunity */
  result: string | null;
  notes: string;
  samples: string;
  answered_by_member_id: string | null;
  answered_at: Date | null;
  nonconformity_id: string | null;
  improvement_id: string | null;
  updated_at: UpdatedAt;
  version: Version;
}

export interface AuditItemEvidenceTable {
  item_id: string;
  org_id: string;
  evidence_id: string;
  linked_at: Date | undefined;
}

/** Tables of migration 0019-internal-audit. */
export interface InternalAuditTables {
  audit_programmes: AuditProgrammesTable;
  internal_audits: InternalAuditsTable;
  internal_audit_auditors: InternalAuditAuditorsTable;
  audit_checklist_items: AuditChecklistItemsTable;
  audit_item_evidence: AuditItemEvidenceTable;
}
