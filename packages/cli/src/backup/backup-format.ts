import type { Database } from "@openaims/db";
import { z } from "zod";

/**
 * Every table of the schema, in an order rows can be inserted in (referenced tables first), with
 * the columns that give each dump a stable order. A migration that adds a table adds it here; the
 * type check below and the check against the live database at backup time catch a forgotten one.
 */
export const backupTables = [
  { name: "schema_migrations", orderBy: "id" },
  { name: "organizations", orderBy: "id" },
  { name: "users", orderBy: "id" },
  { name: "memberships", orderBy: "id" },
  { name: "sessions", orderBy: "id" },
  { name: "api_tokens", orderBy: "id" },
  { name: "invitations", orderBy: "id" },
  { name: "signin_attempts", orderBy: "client_key, attempted_at" },
  { name: "sso_configs", orderBy: "org_id" },
  { name: "sso_logins", orderBy: "state_hash" },
  { name: "audit_heads", orderBy: "org_id" },
  { name: "audit_entries", orderBy: "org_id, seq" },
  { name: "instance_settings", orderBy: "key" },
  // 0002-inventory
  { name: "org_counters", orderBy: "org_id, kind" },
  { name: "ai_systems", orderBy: "id" },
  { name: "vendors", orderBy: "id" },
  { name: "ai_assets", orderBy: "id" },
  { name: "ai_system_assets", orderBy: "id" },
  // 0003-risks
  { name: "risk_methods", orderBy: "id" },
  { name: "risks", orderBy: "id" },
  { name: "risk_treatment_actions", orderBy: "id" },
  { name: "risk_acceptances", orderBy: "id" },
  { name: "threat_proposals", orderBy: "id" },
  // 0004-controls
  { name: "controls", orderBy: "id" },
  { name: "control_risks", orderBy: "id" },
  { name: "soa_versions", orderBy: "org_id, number" },
  // 0005-evidence
  { name: "evidence", orderBy: "id" },
  { name: "evidence_links", orderBy: "id" },
  // 0006-documents
  { name: "documents", orderBy: "id" },
  // A version may name the one it was based on, which always has a lower number.
  { name: "document_versions", orderBy: "document_id, number" },
  { name: "responsibility_assignments", orderBy: "id" },
  // 0007-impact-assessments
  // Revisions point at the earlier revision they were copied from, so they load by revision.
  { name: "impact_assessments", orderBy: "system_id, revision" },
  // 0009-redteam: nonconformities before the findings that point at them.
  { name: "redteam_scans", orderBy: "id" },
  { name: "nonconformities", orderBy: "id" },
  { name: "redteam_findings", orderBy: "id" },
  // 0011-sso-account-binding
  { name: "sso_identities", orderBy: "id" },
  { name: "sso_pending_links", orderBy: "secret_hash" },
  { name: "sso_domain_claims", orderBy: "id" },
  // 0012-readiness-snapshots
  { name: "readiness_snapshots", orderBy: "org_id, day" },
  // 0014-release-gates: decisions before the overrides that point at them.
  { name: "gate_checklists", orderBy: "id" },
  { name: "gate_decisions", orderBy: "id" },
  { name: "gate_sign_offs", orderBy: "id" },
  { name: "gate_overrides", orderBy: "id" },
  { name: "org_signing_keys", orderBy: "org_id" },
  // 0016-monitoring
  { name: "metrics", orderBy: "id" },
  { name: "metric_observations", orderBy: "metric_id, at, value" },
  { name: "metric_alerts", orderBy: "id" },
  // 0015-change-control
  { name: "system_changes", orderBy: "id" },
  // 0017-incidents
  { name: "incidents", orderBy: "id" },
  { name: "incident_systems", orderBy: "incident_id, system_id" },
  { name: "incident_timeline_entries", orderBy: "id" },
  { name: "incident_communications", orderBy: "id" },
  { name: "incident_links", orderBy: "id" },
  { name: "concerns", orderBy: "id" },
  { name: "concern_links", orderBy: "org_id" },
  // 0018-corrective-action
  { name: "corrective_actions", orderBy: "id" },
  { name: "effectiveness_checks", orderBy: "id" },
  { name: "improvements", orderBy: "id" },
  // 0019-internal-audit
  { name: "audit_programmes", orderBy: "id" },
  { name: "internal_audits", orderBy: "id" },
  { name: "internal_audit_auditors", orderBy: "audit_id, member_id" },
  { name: "audit_checklist_items", orderBy: "id" },
  { name: "audit_item_evidence", orderBy: "item_id, evidence_id" },
  // 0020-management-review
  { name: "management_reviews", orderBy: "id" },
  { name: "review_input_decisions", orderBy: "review_id, input_key" },
  { name: "review_actions", orderBy: "id" },
  // 0021-objectives
  { name: "objectives", orderBy: "id" },
  { name: "objective_progress", orderBy: "id" },
  // 0022-competence
  { name: "competence_requirements", orderBy: "id" },
  { name: "training_records", orderBy: "id" },
  { name: "policy_acknowledgements", orderBy: "id" },
  // 0023-jobs-and-reminders: reminders before the notifications that point at them.
  { name: "jobs", orderBy: "id" },
  { name: "reminders", orderBy: "id" },
  // 0024-notifications
  { name: "notifications", orderBy: "id" },
  { name: "webhooks", orderBy: "id" },
  { name: "webhook_deliveries", orderBy: "id" },
  { name: "calendar_feeds", orderBy: "id" },
  // 0025-runtime-monitoring: samples before the drift reports that point at them.
  { name: "telemetry_settings", orderBy: "org_id" },
  { name: "telemetry_systems", orderBy: "system_id" },
  { name: "telemetry_prices", orderBy: "id" },
  { name: "telemetry_spans", orderBy: "system_id, started_at, span_id" },
  { name: "telemetry_content", orderBy: "system_id, started_at, span_id" },
  { name: "telemetry_rollups", orderBy: "system_id, minute" },
  { name: "telemetry_caller_rollups", orderBy: "system_id, caller, hour" },
  { name: "telemetry_tool_transitions", orderBy: "system_id, from_tool, to_tool" },
  { name: "drift_samples", orderBy: "id" },
  { name: "drift_reports", orderBy: "id" },
  // 0026-ai-supply-chain
  { name: "model_scans", orderBy: "id" },
  { name: "model_scan_findings", orderBy: "id" },
  { name: "licence_policies", orderBy: "org_id" },
  // 0027-agent-governance
  { name: "agent_policies", orderBy: "id" },
  { name: "agent_policy_versions", orderBy: "id" },
  { name: "agent_sessions", orderBy: "id" },
  { name: "agent_decisions", orderBy: "id" },
  { name: "agent_approvals", orderBy: "id" },
  { name: "agent_approval_links", orderBy: "id" },
  // 0028-agent-callbacks-and-screenings
  { name: "agent_webhook_secrets", orderBy: "id" },
  { name: "agent_screenings", orderBy: "id" },
] as const satisfies ReadonlyArray<{ name: keyof Database | "schema_migrations"; orderBy: string }>;

type UnlistedTable = Exclude<keyof Database, (typeof backupTables)[number]["name"]>;
// Fails to compile, naming the table, when the schema gains a table this list lacks.
const everyTableListed: [UnlistedTable] extends [never] ? true : UnlistedTable = true;
void everyTableListed;

export const BACKUP_FORMAT = "openaims-backup";
export const BACKUP_VERSION = 1;
export const MANIFEST_FILE = "manifest.json";

export const tableFile = (table: string) => `tables/${table}.jsonl`;
export const blobFile = (sha256: string) => `blobs/${sha256}`;

const digestSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  engine: z.enum(["pglite", "postgres"]),
  /** Migrations applied to the database the backup was taken from, in order. */
  migrations: z.array(z.string()),
  /** Rows per table. */
  tables: z.record(z.string(), z.number().int().min(0)),
  blobs: z.array(z.object({ sha256: digestSchema, size: z.number().int().min(0) })),
  /** SHA-256 and size of every table file, by its path in the archive. */
  files: z.record(z.string(), z.object({ sha256: digestSchema, size: z.number().int().min(0) })),
});
export type BackupManifest = z.infer<typeof manifestSchema>;
