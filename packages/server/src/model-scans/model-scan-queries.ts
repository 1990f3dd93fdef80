import type {
  ModelProvenance,
  ModelScan,
  ModelScanFindingRecord,
  ModelScanFindingStatus,
  ModelScanOrigin,
  ModelScanSeverity,
  ModelScanStatus,
  ModelSignatureResult,
  SignatureStatus,
} from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { notFound } from "../http/app-error.js";
import { verdictOf } from "./model-scan-verdict.js";

/** Every column of a scan but the stored report and file list, which only the detail, downloads and evidence need. */
const scanColumns = [
  "s.id",
  "s.ref",
  "s.asset_id",
  "s.system_id",
  "s.origin",
  "s.status",
  "s.scanner_version",
  "s.started_at",
  "s.finished_at",
  "s.files_scanned",
  "s.files_failed",
  "s.findings_by_severity",
  "s.highest_severity",
  "s.report_sha256",
  "s.signature_status",
  "s.signature",
  "s.provenance",
  "s.evidence_id",
  "s.created_by_member_id",
  "s.created_at",
  "s.updated_at",
  "s.version",
] as const;

/** Scans of one organisation with their asset, system, evidence reference, open findings and recorder's name. */
export function modelScanQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("model_scans as s")
    .leftJoin("ai_assets as a", "a.id", "s.asset_id")
    .leftJoin("ai_systems as sys", "sys.id", "s.system_id")
    .leftJoin("evidence as e", "e.id", "s.evidence_id")
    .leftJoin("memberships as m", "m.id", "s.created_by_member_id")
    .leftJoin("users as u", "u.id", "m.user_id")
    .select(scanColumns)
    .select([
      "a.name as asset_name",
      "a.kind as asset_kind",
      "sys.slug as system_slug",
      "sys.name as system_name",
      "e.ref as evidence_ref",
      "u.name as created_by_name",
    ])
    .select((eb) =>
      eb
        .selectFrom("model_scan_findings as f")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("f.scan_id", "=", "s.id")
        .where("f.status", "=", "open")
        .as("open_findings"),
    )
    .where("s.org_id", "=", orgId);
}

export type ModelScanRow = Awaited<ReturnType<ReturnType<typeof modelScanQuery>["executeTakeFirstOrThrow"]>>;

/** A scan of the organisation; a missing or foreign id is not found. */
export async function findModelScan(db: Kysely<Database>, orgId: string, scanId: string): Promise<ModelScanRow> {
  const row = await modelScanQuery(db, orgId).where("s.id", "=", scanId).executeTakeFirst();
  if (!row) throw notFound("Model scan", scanId);
  return row;
}

const NO_SEVERITIES = { info: 0, low: 0, medium: 0, high: 0, critical: 0 };

export function presentModelScan(row: ModelScanRow): ModelScan {
  const bySeverity = { ...NO_SEVERITIES, ...row.findings_by_severity };
  const status = row.status as ModelScanStatus;
  return {
    id: row.id,
    ref: row.ref,
    asset:
      row.asset_id && row.asset_name ? { id: row.asset_id, name: row.asset_name, kind: row.asset_kind ?? "" } : null,
    system:
      row.system_id && row.system_slug && row.system_name
        ? { id: row.system_id, slug: row.system_slug, name: row.system_name }
        : null,
    origin: row.origin as ModelScanOrigin,
    status,
    verdict: verdictOf({ status, bySeverity }),
    scannerVersion: row.scanner_version,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at.toISOString(),
    filesScanned: row.files_scanned,
    filesFailed: row.files_failed,
    bySeverity,
    highestSeverity: row.highest_severity as ModelScanSeverity | null,
    openFindings: row.open_findings ?? 0,
    signatureStatus: row.signature_status as SignatureStatus,
    signature: row.signature as ModelSignatureResult | null,
    provenance: row.provenance as ModelProvenance | null,
    reportSha256: row.report_sha256,
    evidence: row.evidence_id && row.evidence_ref ? { id: row.evidence_id, ref: row.evidence_ref } : null,
    createdBy:
      row.created_by_member_id && row.created_by_name
        ? { memberId: row.created_by_member_id, name: row.created_by_name }
        : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** Findings of one organisation with the references of the risk and nonconformity raised from them. */
export function modelFindingQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("model_scan_findings as f")
    .leftJoin("risks as r", "r.id", "f.risk_id")
    .leftJoin("nonconformities as nc", "nc.id", "f.nonconformity_id")
    .selectAll("f")
    .select(["r.ref as risk_ref", "nc.ref as nonconformity_ref"])
    .where("f.org_id", "=", orgId);
}

export type ModelFindingRow = Awaited<ReturnType<ReturnType<typeof modelFindingQuery>["executeTakeFirstOrThrow"]>>;

/** A finding of the organisation, locked for the change about to be made; a foreign id is not found. */
export async function lockModelFinding(
  tx: Kysely<Database>,
  orgId: string,
  findingId: string,
): Promise<ModelFindingRow> {
  const row = await modelFindingQuery(tx, orgId).where("f.id", "=", findingId).forUpdate("f").executeTakeFirst();
  if (!row) throw notFound("Model scan finding", findingId);
  return row;
}

export async function loadModelFinding(
  db: Kysely<Database>,
  orgId: string,
  findingId: string,
): Promise<ModelScanFindingRecord> {
  const row = await modelFindingQuery(db, orgId).where("f.id", "=", findingId).executeTakeFirst();
  if (!row) throw notFound("Model scan finding", findingId);
  return presentModelFinding(row);
}

export function presentModelFinding(row: ModelFindingRow): ModelScanFindingRecord {
  return {
    id: row.id,
    scanId: row.scan_id,
    ruleId: row.rule_id,
    severity: row.severity as ModelScanSeverity,
    file: row.file_path,
    location: row.location,
    title: row.title,
    detail: row.detail,
    tags: { cwe: row.tags.cwe ?? [], owaspAgentic: row.tags.owaspAgentic ?? [] },
    status: row.status as ModelScanFindingStatus,
    risk: row.risk_id && row.risk_ref ? { id: row.risk_id, ref: row.risk_ref } : null,
    nonconformity:
      row.nonconformity_id && row.nonconformity_ref ? { id: row.nonconformity_id, ref: row.nonconformity_ref } : null,
    dismissalReason: row.dismissal_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
