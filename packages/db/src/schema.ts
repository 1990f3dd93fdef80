import type { ColumnType, Generated } from "kysely";
import type { AgentDecisionExtraTables } from "./schema/agent-decision-extras.js";
import type { AgentGovernanceTables } from "./schema/agent-governance.js";
import type { ChangeTables } from "./schema/changes.js";
import type { CompetenceTables } from "./schema/competence.js";
import type { ControlTables } from "./schema/controls.js";
import type { CorrectiveActionTables } from "./schema/corrective-action.js";
import type { DocumentTables } from "./schema/documents.js";
import type { EvidenceTables } from "./schema/evidence.js";
import type { GateTables } from "./schema/gates.js";
import type { ImpactAssessmentTables } from "./schema/impact-assessments.js";
import type { IncidentTables } from "./schema/incidents.js";
import type { InternalAuditTables } from "./schema/internal-audit.js";
import type { InventoryTables } from "./schema/inventory.js";
import type { JobTables } from "./schema/jobs.js";
import type { ManagementReviewTables } from "./schema/management-review.js";
import type { MonitoringTables } from "./schema/monitoring.js";
import type { NotificationTables } from "./schema/notifications.js";
import type { ObjectiveTables } from "./schema/objectives.js";
import type { ReadinessTables } from "./schema/readiness.js";
import type { RedteamTables } from "./schema/redteam.js";
import type { RiskTables } from "./schema/risks.js";
import type { RuntimeMonitoringTables } from "./schema/runtime-monitoring.js";
import type { SsoTables } from "./schema/sso.js";
import type { SupplyChainTables } from "./schema/supply-chain.js";

export type CreatedAt = ColumnType<Date, Date | undefined, never>;
export type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
export type Version = ColumnType<number, number | undefined, number>;
/** A jsonb column: read as the parsed value, written as JSON text. */
export type Json<T> = ColumnType<T, string, string>;

/** Columns every governance record has: one organisation, optimistic versions, archived instead of deleted. */
export interface RecordColumns {
  id: string;
  org_id: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
  archived_at: Date | null;
  archive_reason: string | null;
}

export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  /** Whoever wrote, submitted, changed or owns a record may not approve it (once there is a second member). */
  segregation_of_duties: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
  archived_at: Date | null;
  archive_reason: string | null;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  failed_signins: Generated<number>;
  locked_until: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface MembershipsTable {
  id: string;
  org_id: string;
  user_id: string;
  role: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
  archived_at: Date | null;
  archive_reason: string | null;
  /** Whether reminders also go to the member by e-mail. */
  email_reminders: Generated<boolean>;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  method: "password" | "sso" | "setup" | "invitation";
  /** The only organisation a single sign-on session may act in; null for password sessions. */
  org_id: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
  last_seen_at: UpdatedAt;
  expires_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  org_id: string;
  user_id: string;
  name: string;
  scope: "read" | "write";
  prefix: string;
  secret_hash: string;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface InvitationsTable {
  id: string;
  org_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_by: string | null;
  revoked_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface SigninAttemptsTable {
  client_key: string;
  attempted_at: ColumnType<Date, Date | undefined, never>;
}

export interface SsoConfigsTable {
  org_id: string;
  enabled: boolean;
  issuer: string;
  client_id: string;
  client_secret: string | null;
  allowed_domains: string[];
  default_role: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface SsoLoginsTable {
  state_hash: string;
  org_id: string;
  code_verifier: string;
  nonce: string;
  /** Hash of the secret in the starting browser's cookie; the callback must present it. */
  browser_binding_hash: string;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface AuditHeadsTable {
  org_id: string;
  seq: number;
  hash: string;
}

export interface AuditEntriesTable {
  org_id: string;
  seq: number;
  id: string;
  at: Date;
  actor_type: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: ColumnType<Record<string, { before: unknown; after: unknown }>, string, never>;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface InstanceSettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: UpdatedAt;
}

/** The one schema both engines share. Column names are snake_case, as in the SQL migrations. */
export interface Database
  extends InventoryTables,
    RiskTables,
    ControlTables,
    EvidenceTables,
    DocumentTables,
    ImpactAssessmentTables,
    RedteamTables,
    ReadinessTables,
    SsoTables,
    GateTables,
    ChangeTables,
    MonitoringTables,
    IncidentTables,
    CorrectiveActionTables,
    InternalAuditTables,
    ManagementReviewTables,
    ObjectiveTables,
    CompetenceTables,
    JobTables,
    NotificationTables,
    RuntimeMonitoringTables,
    SupplyChainTables,
    AgentGovernanceTables,
    AgentDecisionExtraTables {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invitations: InvitationsTable;
  signin_attempts: SigninAttemptsTable;
  sso_configs: SsoConfigsTable;
  sso_logins: SsoLoginsTable;
  audit_heads: AuditHeadsTable;
  audit_entries: AuditEntriesTable;
  instance_settings: InstanceSettingsTable;
}
