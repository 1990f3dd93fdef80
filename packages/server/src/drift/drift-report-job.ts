import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { DriftSampleFormat } from "@openaims/contracts";
import { type BlobStore, type Database, FileBlobStore } from "@openaims/db";
import { DriftInputError, runDriftReport } from "@openaims/drift";
import type { Kysely } from "kysely";
import { type AuditActor, type AuditEvent, appendAuditEntry, systemActor } from "../audit/append-audit-entry.js";
import type { JobHandler } from "../jobs/job-types.js";
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

/**
 * A writer that streams a sample's blob to a file, hashing it on the way, so a large sample is never
 * held in memory; a sample that is gone or changed fails the report.
 */
function sampleWriter(blobs: BlobStore, sample: { sha256: string; file_name: string }) {
  return async (path: string): Promise<void> => {
    const source = await blobs.get(sample.sha256);
    if (!source) throw new DriftInputError(`The sample ${sample.file_name} is missing from storage.`);
    const hash = createHash("sha256");
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer | Uint8Array>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(path),
    );
    if (hash.digest("hex") !== sample.sha256)
      throw new DriftInputError(`The sample ${sample.file_name} is no longer the file that was uploaded.`);
  };
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
    const result = await withSampleFile(
      sampleWriter(blobs, reference),
      reference.format as DriftSampleFormat,
      (referencePath) =>
        withSampleFile(
          sampleWriter(blobs, current),
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
