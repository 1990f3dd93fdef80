import type { ColumnType } from "kysely";
import type { CreatedAt, Json, RecordColumns, UpdatedAt, Version } from "../schema.js";

type WithDefault<T> = ColumnType<T, T | undefined, T>;
type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;

export interface AgentPoliciesTable extends RecordColumns {
  ref: string;
  /** Null: the organisation's default policy. */
  system_id: string | null;
  title: WithDefault<string>;
  approved_version_id: string | null;
  created_by_member_id: string | null;
}

export interface AgentPolicyVersionsTable {
  id: string;
  org_id: string;
  policy_id: string;
  number: number;
  /** draft | approved | superseded | withdrawn */
  status: WithDefault<string>;
  source: string;
  document: Json<Record<string, unknown>>;
  document_sha256: string;
  change_note: WithDefault<string>;
  created_by_member_id: string | null;
  approved_by_member_id: string | null;
  approved_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface AgentSessionsTable {
  id: string;
  org_id: string;
  system_id: string;
  external_id: string;
  requester: WithDefault<string>;
  state: JsonWithDefault<Record<string, unknown>>;
  started_at: ColumnType<Date, Date | undefined, Date>;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  version: Version;
}

export interface AgentDecisionsTable {
  id: string;
  org_id: string;
  system_id: string;
  session_id: string | null;
  /** api | gateway | guard */
  origin: string;
  decided_at: Date;
  /** tool | resource | prompt */
  action_kind: string;
  action_name: string;
  arguments: JsonWithDefault<Record<string, unknown>>;
  arguments_sha256: string;
  /** allow | deny | approval_required */
  outcome: string;
  rule: string;
  reason: string;
  policy_version_id: string | null;
  policy_sha256: string | null;
  approval_id: string | null;
  /** approved | refused | expired, once an approval is answered. */
  final_outcome: string | null;
  duration_us: number | null;
  client_decision_id: string | null;
  created_at: CreatedAt;
}

export interface AgentApprovalsTable {
  id: string;
  org_id: string;
  ref: string;
  system_id: string;
  session_id: string | null;
  decision_id: string | null;
  action_kind: string;
  action_name: string;
  arguments: JsonWithDefault<Record<string, unknown>>;
  rule: string;
  reason: string;
  requester: WithDefault<string>;
  requirement: Json<Record<string, unknown>>;
  /** pending | approved | refused | expired | cancelled */
  status: WithDefault<string>;
  approvals: JsonWithDefault<{ memberId: string; name: string; at: string; reason: string }[]>;
  answered_by_member_id: string | null;
  answer_reason: string | null;
  answered_at: Date | null;
  expires_at: Date;
  callback_url: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface AgentApprovalLinksTable {
  id: string;
  org_id: string;
  approval_id: string;
  member_id: string;
  token_hash: string;
  expires_at: Date;
  used_at: Date | null;
  created_at: CreatedAt;
}

export interface AgentGovernanceTables {
  agent_policies: AgentPoliciesTable;
  agent_policy_versions: AgentPolicyVersionsTable;
  agent_sessions: AgentSessionsTable;
  agent_decisions: AgentDecisionsTable;
  agent_approvals: AgentApprovalsTable;
  agent_approval_links: AgentApprovalLinksTable;
}
