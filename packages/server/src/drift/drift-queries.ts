import type {
  DriftReportOrigin,
  DriftReportRow,
  DriftReportStatus,
  DriftSample,
  DriftSampleFormat,
  DriftSampleOrigin,
  DriftSampleRole,
} from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";
import { invalidField } from "../http/invalid-fields.js";

/** Drift reports of one organisation with their system, dataset and evidence reference. */
export function driftReportQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("drift_reports as r")
    .leftJoin("ai_systems as sys", "sys.id", "r.system_id")
    .leftJoin("ai_assets as a", "a.id", "r.asset_id")
    .leftJoin("evidence as e", "e.id", "r.evidence_id")
    .select([
      "r.id",
      "r.ref",
      "r.title",
      "r.system_id",
      "r.asset_id",
      "r.origin",
      "r.status",
      "r.reference_sample_id",
      "r.current_sample_id",
      "r.columns_total",
      "r.columns_drifted",
      "r.html_sha256",
      "r.error",
      "r.evidence_id",
      "r.created_at",
      "r.completed_at",
      "r.version",
      "sys.slug as system_slug",
      "sys.name as system_name",
      "a.name as asset_name",
      "e.ref as evidence_ref",
    ])
    .where("r.org_id", "=", orgId);
}

export type DriftReportRecord = Awaited<ReturnType<ReturnType<typeof driftReportQuery>["executeTakeFirstOrThrow"]>>;

/** A drift report of the organisation; a missing or foreign id is not found. */
export async function findDriftReport(
  db: Kysely<Database>,
  orgId: string,
  reportId: string,
): Promise<DriftReportRecord> {
  const row = await driftReportQuery(db, orgId).where("r.id", "=", reportId).executeTakeFirst();
  if (!row) throw notFound("Drift report", reportId);
  return row;
}

export function presentDriftReport(row: DriftReportRecord): DriftReportRow {
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    system:
      row.system_id && row.system_slug && row.system_name
        ? { id: row.system_id, slug: row.system_slug, name: row.system_name }
        : null,
    asset: row.asset_id && row.asset_name ? { id: row.asset_id, name: row.asset_name } : null,
    origin: row.origin as DriftReportOrigin,
    status: row.status as DriftReportStatus,
    referenceSampleId: row.reference_sample_id,
    currentSampleId: row.current_sample_id,
    columnsTotal: row.columns_total,
    columnsDrifted: row.columns_drifted,
    htmlSha256: row.html_sha256,
    error: row.error,
    evidence: row.evidence_id && row.evidence_ref ? { id: row.evidence_id, ref: row.evidence_ref } : null,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    version: row.version,
  };
}

/** Data samples of one organisation with their dataset's name. */
export function driftSampleQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("drift_samples as s")
    .innerJoin("ai_assets as a", "a.id", "s.asset_id")
    .select([
      "s.id",
      "s.asset_id",
      "s.role",
      "s.origin",
      "s.file_name",
      "s.format",
      "s.sha256",
      "s.size_bytes",
      "s.row_count",
      "s.columns",
      "s.window_start",
      "s.window_end",
      "s.created_at",
      "a.name as asset_name",
    ])
    .where("s.org_id", "=", orgId)
    .where("s.archived_at", "is", null);
}

export type DriftSampleRecord = Awaited<ReturnType<ReturnType<typeof driftSampleQuery>["executeTakeFirstOrThrow"]>>;

/** A live data sample of the organisation; a missing or foreign id is not found. */
export async function findDriftSample(
  db: Kysely<Database>,
  orgId: string,
  sampleId: string,
): Promise<DriftSampleRecord> {
  const row = await driftSampleQuery(db, orgId).where("s.id", "=", sampleId).executeTakeFirst();
  if (!row) throw notFound("Data sample", sampleId);
  return row;
}

export function presentDriftSample(row: DriftSampleRecord): DriftSample {
  return {
    id: row.id,
    asset: { id: row.asset_id, name: row.asset_name },
    role: row.role as DriftSampleRole,
    origin: row.origin as DriftSampleOrigin,
    fileName: row.file_name,
    format: row.format as DriftSampleFormat,
    sha256: row.sha256,
    sizeBytes: Number(row.size_bytes),
    rowCount: row.row_count === null ? null : Number(row.row_count),
    columns: Array.isArray(row.columns) ? row.columns : [],
    windowStart: row.window_start?.toISOString() ?? null,
    windowEnd: row.window_end?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

/** A live dataset asset of the organisation, for a sample or a report; 404 otherwise. */
export async function findDatasetAsset(db: Kysely<Database>, orgId: string, assetId: string, field = "body.assetId") {
  const row = await db
    .selectFrom("ai_assets")
    .select(["id", "name", "kind", "archived_at"])
    .where("org_id", "=", orgId)
    .where("id", "=", assetId)
    .executeTakeFirst();
  if (!row || row.archived_at) throw notFound("Asset", assetId);
  if (row.kind !== "dataset")
    throw invalidField(field, `must be a dataset; '${row.name}' is a ${row.kind.replace("_", " ")}`);
  return row;
}
