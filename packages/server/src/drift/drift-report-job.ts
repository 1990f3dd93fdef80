import { join } from "node:path";
import type { DriftSampleFormat } from "@openaims/contracts";
import { type BlobStore, type Database, FileBlobStore } from "@openaims/db";
import { DriftInputError, runDriftReport } from "@openaims/drift";
import type { Kysely } from "kysely";
import { type AuditActor, type AuditEvent, appendAuditEntry, systemActor } from "../audit/append-audit-entry.js";
import type { JobHandler } from "../jobs/job-types.js";
import { readVerifiedBlob } from "../records/read-verified-blob.js";
import { withSampleFile } from "./inspect-sample.js";
import { recordDriftReport, storeDriftHtml } from "./record-drift-report.js";

/** The job that computes a server-side drift report. */
export const DRIFT_REPORT_JOB = "drift.report";

export interface DriftReportJobPayload {
  reportId: string;
  columns: string[] | null;
  membershipId: string | null;
  actor: AuditActor;
  requestId: string | null;
}

/** What the job reads a sample's bytes from; a sample that is gone or changed fails the report. */
async function sampleBytes(blobs: BlobStore, sample: { sha256: string; file_name: string }): Promise<Buffer> {
  const blob = await readVerifiedBlob(blobs, sample.sha256);
  if (blob.state === "ok") return blob.bytes;
  throw new DriftInputError(
    `The sample ${sample.file_name} is ${blob.state === "missing" ? "missing from storage" : "no longer the file that was uploaded"}.`,
  );
}

/** A failure in words for the report's error: a column's problem names the column. */
function failureMessage(error: unknown): string {
  if (error instanceof DriftInputError) {
    return error.column && !error.message.includes(error.column)
      ? `Column '${error.column}': ${error.message}`
      : error.message;
  }
  return `The report could not be computed: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Computes a running report: reads both samples from blob storage into temporary files, compares them
 * through the drift engine, and records the result like an upload (evidence and metrics). Bad input
 * (a missing column, an empty file) fails the report with an error naming the column; other errors
 * retry, and the last attempt fails it. A report no longer running is left alone, so a repeated run
 * does nothing twice.
 */
export const runDriftReportJob: JobHandler = async (job, { db, config, log }) => {
  const payload = job.payload as unknown as DriftReportJobPayload;
  const orgId = job.orgId;
  if (!orgId) return;
  const row = await db
    .selectFrom("drift_reports as r")
    .leftJoin("ai_systems as sys", "sys.id", "r.system_id")
    .select([
      "r.id",
      "r.ref",
      "r.status",
      "r.system_id",
      "r.asset_id",
      "r.title",
      "r.reference_sample_id",
      "r.current_sample_id",
      "sys.slug",
      "sys.name",
    ])
    .where("r.org_id", "=", orgId)
    .where("r.id", "=", payload.reportId)
    .executeTakeFirst();
  if (row?.status !== "running") return;
  const blobs = new FileBlobStore(join(config.dataDir, "blobs"));
  const actor = payload.actor ?? systemActor("drift reports");
  const audit = (tx: Kysely<Database>) => (event: AuditEvent) =>
    appendAuditEntry(tx, { ...event, orgId, actor, requestId: payload.requestId ?? null });
  try {
    const samples = await db
      .selectFrom("drift_samples")
      .select(["id", "sha256", "file_name", "format"])
      .where("org_id", "=", orgId)
      .where("id", "in", [row.reference_sample_id ?? "", row.current_sample_id ?? ""].filter(Boolean))
      .execute();
    const reference = samples.find((s) => s.id === row.reference_sample_id);
    const current = samples.find((s) => s.id === row.current_sample_id);
    if (!reference || !current) throw new DriftInputError("A sample of this report has been removed.");
    const referenceBytes = await sampleBytes(blobs, reference);
    const currentBytes = await sampleBytes(blobs, current);
    const result = await withSampleFile(
      referenceBytes,
      reference.format as DriftSampleFormat,
      (referencePath) =>
        withSampleFile(
          currentBytes,
          current.format as DriftSampleFormat,
          (currentPath) =>
            runDriftReport({
              reference: referencePath,
              current: currentPath,
              ...(payload.columns ? { columns: payload.columns } : {}),
            }),
          current.file_name,
        ),
      reference.file_name,
    );
    // The engine names its inputs by their temporary paths; the report names the samples instead.
    result.report.reference.source = reference.file_name;
    result.report.current.source = current.file_name;
    const html = await storeDriftHtml(blobs, result.html);
    await db.transaction().execute(async (tx) => {
      const still = await tx
        .selectFrom("drift_reports")
        .select("status")
        .where("id", "=", row.id)
        .forUpdate()
        .executeTakeFirst();
      if (still?.status !== "running") return;
      await recordDriftReport(
        { tx, orgId, membershipId: payload.membershipId, requestId: payload.requestId, audit: audit(tx) },
        {
          system: row.system_id && row.slug && row.name ? { id: row.system_id, slug: row.slug, name: row.name } : null,
          assetId: row.asset_id,
          title: row.title,
          origin: "server",
          report: result.report,
          html,
          runningReportId: row.id,
        },
      );
    });
  } catch (error) {
    const permanent = error instanceof DriftInputError || job.attempt >= job.maxAttempts;
    if (!permanent) throw error;
    const message = failureMessage(error).slice(0, 2000);
    log.warn({ reportId: row.id, error: message }, "drift report failed");
    await db.transaction().execute(async (tx) => {
      const now = new Date();
      const updated = await tx
        .updateTable("drift_reports")
        .set((eb) => ({
          status: "failed",
          error: message,
          completed_at: now,
          updated_at: now,
          version: eb("version", "+", 1),
        }))
        .where("id", "=", row.id)
        .where("status", "=", "running")
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return;
      await audit(tx)({
        action: "drift_report.failed",
        entityType: "drift_report",
        entityId: row.id,
        changes: { status: { before: "running", after: "failed" }, error: { before: null, after: message } },
      });
    });
  }
};

/** Jobs of the drift module. */
export const driftJobHandlers: Record<string, JobHandler> = {
  [DRIFT_REPORT_JOB]: runDriftReportJob,
};
