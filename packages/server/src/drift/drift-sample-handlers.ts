import { randomUUID } from "node:crypto";
import type { DriftSampleFormat, DriftSampleOrigin, DriftSampleRole, Routes } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { driftSampleQuery, findDatasetAsset, findDriftSample, presentDriftSample } from "./drift-queries.js";
import { inspectSample, type SampleShape, sampleFormatOf, withSampleFile } from "./inspect-sample.js";
import { telemetryWindowCsv } from "./telemetry-window.js";

export const listDriftSamples: Handler<Routes["listDriftSamples"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, assetId, role } = input.query;
  const sort = keysetSort("-createdAt", { createdAt: "s.created_at" }, "s.id");
  const cursor = parseCursor(rawCursor);
  let query = driftSampleQuery(tx, org.orgId);
  if (assetId) {
    const asset = await tx
      .selectFrom("ai_assets")
      .select("id")
      .where("org_id", "=", org.orgId)
      .where("id", "=", assetId)
      .executeTakeFirst();
    if (!asset) throw notFound("Asset", assetId);
    query = query.where("s.asset_id", "=", asset.id);
  }
  if (role) query = query.where("s.role", "=", role);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("s.created_at", "desc")
    .orderBy("s.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row.created_at), id: row.id }), presentDriftSample);
};

interface NewSample {
  assetId: string;
  role: DriftSampleRole;
  origin: DriftSampleOrigin;
  fileName: string;
  format: DriftSampleFormat;
  stored: { sha256: string; size: number };
  shape: SampleShape;
  window: { start: Date; end: Date } | null;
}

/** Inserts a sample row with its audit entry; returns its id. */
export async function insertDriftSample(
  tx: Kysely<Database>,
  orgId: string,
  membershipId: string | null,
  sample: NewSample,
  audit: (event: AuditEvent) => Promise<void>,
): Promise<string> {
  const id = randomUUID();
  await tx
    .insertInto("drift_samples")
    .values({
      id,
      org_id: orgId,
      asset_id: sample.assetId,
      role: sample.role,
      origin: sample.origin,
      file_name: sample.fileName,
      format: sample.format,
      sha256: sample.stored.sha256,
      size_bytes: sample.stored.size,
      row_count: sample.shape.rowCount,
      columns: JSON.stringify(sample.shape.columns),
      window_start: sample.window?.start ?? null,
      window_end: sample.window?.end ?? null,
      created_by_member_id: membershipId,
    })
    .execute();
  await audit({
    action: "drift_sample.created",
    entityType: "drift_sample",
    entityId: id,
    changes: diffChanges(null, {
      assetId: sample.assetId,
      role: sample.role,
      origin: sample.origin,
      fileName: sample.fileName,
      sha256: sample.stored.sha256,
      sizeBytes: sample.stored.size,
      rows: sample.shape.rowCount,
      columns: sample.shape.columns.map((c) => c.name).join(", "),
    }),
  });
  return id;
}

/** Reads a sample's shape; a file DuckDB cannot read, or one without rows or columns, is a 400 on `field`. */
async function shapeOf(bytes: Buffer, format: DriftSampleFormat, field: string): Promise<SampleShape> {
  let shape: SampleShape;
  try {
    shape = await withSampleFile(bytes, format, (path) => inspectSample(path, format));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw invalidField(field, `cannot be read as ${format.toUpperCase()}: ${reason}`);
  }
  if (shape.columns.length === 0) throw invalidField(field, "has no columns");
  if (shape.rowCount === 0) throw invalidField(field, "has no rows");
  return shape;
}

/**
 * Stores an uploaded sample: the file is read through DuckDB for its columns and row count (so a file
 * that cannot be compared is refused now, not when a report runs), then kept content-addressed.
 */
export const uploadDriftSample: Handler<Routes["uploadDriftSample"]> = async ({ tx, org, input, audit, deps }) => {
  const { assetId, role, fileName } = input.query;
  await findDatasetAsset(tx, org.orgId, assetId, "query.assetId");
  const bytes = input.body;
  if (bytes.length === 0) throw invalidField("body", "is empty; send the sample file's bytes");
  const format = sampleFormatOf(fileName);
  if (!format) throw invalidField("query.fileName", "must end in .csv, .parquet, .jsonl or .ndjson");
  const shape = await shapeOf(bytes, format, "body");
  const stored = await deps.blobs.put(bytes);
  const id = await insertDriftSample(
    tx,
    org.orgId,
    org.membershipId,
    { assetId, role, origin: "upload", fileName, format, stored, shape, window: null },
    audit,
  );
  return presentDriftSample(await findDriftSample(tx, org.orgId, id));
};

/** A system of the organisation that can give telemetry; a foreign one is a 404. */
async function findSystem(tx: Kysely<Database>, orgId: string, systemId: string) {
  const row = await tx
    .selectFrom("ai_systems")
    .select(["id", "slug", "name"])
    .where("org_id", "=", orgId)
    .where("id", "=", systemId)
    .executeTakeFirst();
  if (!row) throw notFound("AI system", systemId);
  return row;
}

/** Makes a sample of a window of a system's telemetry, stored as CSV like an uploaded one. */
export async function deriveTelemetrySample(
  ctx: {
    tx: Kysely<Database>;
    orgId: string;
    membershipId: string | null;
    blobs: { put(bytes: Buffer): Promise<{ sha256: string; size: number }> };
    audit: (event: AuditEvent) => Promise<void>;
  },
  request: { assetId: string; role: DriftSampleRole; window: { systemId: string; from: string; to: string } },
  field: string,
): Promise<string> {
  const { tx, orgId } = ctx;
  const system = await findSystem(tx, orgId, request.window.systemId);
  const start = new Date(request.window.from);
  const end = new Date(request.window.to);
  const { csv, rows } = await telemetryWindowCsv(tx, orgId, system.id, start, end);
  if (rows === 0)
    throw invalidField(
      field,
      `holds no spans of '${system.name}' between ${start.toISOString()} and ${end.toISOString()}`,
    );
  const shape = await shapeOf(csv, "csv", field);
  const stored = await ctx.blobs.put(csv);
  return insertDriftSample(
    tx,
    orgId,
    ctx.membershipId,
    {
      assetId: request.assetId,
      role: request.role,
      origin: "telemetry",
      fileName: `${system.slug}-${start.toISOString()}-${end.toISOString()}.csv`.replace(/:/g, ""),
      format: "csv",
      stored,
      shape,
      window: { start, end },
    },
    ctx.audit,
  );
}

export const deriveDriftSample: Handler<Routes["deriveDriftSample"]> = async ({ tx, org, input, audit, deps }) => {
  await findDatasetAsset(tx, org.orgId, input.body.assetId);
  const id = await deriveTelemetrySample(
    { tx, orgId: org.orgId, membershipId: org.membershipId, blobs: deps.blobs, audit },
    input.body,
    "body.window",
  );
  return presentDriftSample(await findDriftSample(tx, org.orgId, id));
};
