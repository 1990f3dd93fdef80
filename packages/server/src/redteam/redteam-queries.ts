import type {
  RedteamCategory,
  RedteamCounts,
  RedteamFinding,
  RedteamFindingStatus,
  RedteamScan,
  RedteamScanOrigin,
  RedteamScanStatus,
  RedteamSeverity,
  SeverityCounts,
} from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";

/** Every column of a scan but the stored summary, which only the evidence and exports need. */
const scanColumns = [
  "s.id",
  "s.ref",
  "s.system_id",
  "s.status",
  "s.origin",
  "s.target_kind",
  "s.target_endpoint",
  "s.target_model",
  "s.pack_id",
  "s.pack_version",
  "s.pack_sha256",
  "s.config_sha256",
  "s.scanner_version",
  "s.seed",
  "s.progress_done",
  "s.progress_total",
  "s.started_at",
  "s.finished_at",
  "s.duration_ms",
  "s.cases",
  "s.vulnerable",
  "s.blocked",
  "s.not_observed",
  "s.inconclusive",
  "s.error",
  "s.by_category",
  "s.vulnerable_by_severity",
  "s.problems",
  "s.summary_sha256",
  "s.transcript_sha256",
  "s.report_sha256",
  "s.report_size",
  "s.evidence_id",
  "s.created_by_member_id",
  "s.created_at",
  "s.updated_at",
  "s.version",
] as const;

/** Scans of one organisation with their system, evidence reference and the name of who recorded them. */
export function scanQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("redteam_scans as s")
    .innerJoin("ai_systems as sys", "sys.id", "s.system_id")
    .leftJoin("evidence as e", "e.id", "s.evidence_id")
    .leftJoin("memberships as m", "m.id", "s.created_by_member_id")
    .leftJoin("users as u", "u.id", "m.user_id")
    .select(scanColumns)
    .select([
      "sys.slug as system_slug",
      "sys.name as system_name",
      "e.ref as evidence_ref",
      "u.name as created_by_name",
    ])
    .where("s.org_id", "=", orgId);
}

export type ScanRow = Awaited<ReturnType<ReturnType<typeof scanQuery>["executeTakeFirstOrThrow"]>>;

/** A scan of the organisation; a missing or foreign id is not found. */
export async function findScan(db: Kysely<Database>, orgId: string, scanId: string): Promise<ScanRow> {
  const row = await scanQuery(db, orgId).where("s.id", "=", scanId).executeTakeFirst();
  if (!row) throw notFound("Red-team scan", scanId);
  return row;
}

const NO_SEVERITIES: SeverityCounts = { info: 0, low: 0, medium: 0, high: 0, critical: 0 };

/** Stored verdict counts (snake_case, as the scanner writes them) as the API shows them. */
export function presentCounts(counts: {
  cases: number;
  vulnerable: number;
  /** Absent from the per-category counts of scans recorded before the blocked verdict. */
  blocked?: number;
  not_observed: number;
  inconclusive: number;
  error: number;
}): RedteamCounts {
  return {
    cases: counts.cases,
    vulnerable: counts.vulnerable,
    blocked: counts.blocked ?? 0,
    notObserved: counts.not_observed,
    inconclusive: counts.inconclusive,
    error: counts.error,
  };
}

export function presentScan(row: ScanRow): RedteamScan {
  return {
    id: row.id,
    ref: row.ref,
    system: { id: row.system_id, slug: row.system_slug, name: row.system_name },
    status: row.status as RedteamScanStatus,
    origin: row.origin as RedteamScanOrigin,
    target: { kind: row.target_kind, endpoint: row.target_endpoint, model: row.target_model },
    pack:
      row.pack_id && row.pack_version && row.pack_sha256
        ? { id: row.pack_id, version: row.pack_version, sha256: row.pack_sha256 }
        : null,
    configSha256: row.config_sha256,
    scannerVersion: row.scanner_version,
    seed: row.seed,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    durationMs: row.duration_ms,
    progress: row.status === "running" ? { done: row.progress_done ?? 0, total: row.progress_total ?? 0 } : null,
    totals: presentCounts(row),
    vulnerableBySeverity: { ...NO_SEVERITIES, ...row.vulnerable_by_severity },
    problems: row.problems,
    summarySha256: row.summary_sha256,
    transcriptSha256: row.transcript_sha256,
    report: row.report_sha256 ? { sha256: row.report_sha256, size: row.report_size ?? 0 } : null,
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
export function findingQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("redteam_findings as f")
    .leftJoin("risks as r", "r.id", "f.risk_id")
    .leftJoin("nonconformities as nc", "nc.id", "f.nonconformity_id")
    .selectAll("f")
    .select(["r.ref as risk_ref", "nc.ref as nonconformity_ref"])
    .where("f.org_id", "=", orgId);
}

export type FindingRow = Awaited<ReturnType<ReturnType<typeof findingQuery>["executeTakeFirstOrThrow"]>>;

/** A finding of the organisation, locked for the change about to be made; a foreign id is not found. */
export async function lockFinding(tx: Kysely<Database>, orgId: string, findingId: string): Promise<FindingRow> {
  const row = await findingQuery(tx, orgId).where("f.id", "=", findingId).forUpdate("f").executeTakeFirst();
  if (!row) throw notFound("Red-team finding", findingId);
  return row;
}

export async function loadFinding(db: Kysely<Database>, orgId: string, findingId: string): Promise<RedteamFinding> {
  const row = await findingQuery(db, orgId).where("f.id", "=", findingId).executeTakeFirst();
  if (!row) throw notFound("Red-team finding", findingId);
  return presentFinding(row);
}

export function presentFinding(row: FindingRow): RedteamFinding {
  return {
    id: row.id,
    scanId: row.scan_id,
    caseId: row.case_id,
    probeId: row.probe_id,
    variant: row.variant,
    title: row.title,
    category: row.category as RedteamCategory,
    severity: row.severity as RedteamSeverity,
    tags: row.tags,
    detail: row.detail,
    status: row.status as RedteamFindingStatus,
    risk: row.risk_id && row.risk_ref ? { id: row.risk_id, ref: row.risk_ref } : null,
    nonconformity:
      row.nonconformity_id && row.nonconformity_ref ? { id: row.nonconformity_id, ref: row.nonconformity_ref } : null,
    dismissalReason: row.dismissal_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
