import type { Routes } from "@openaims/contracts";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { RawResponse } from "../http/handler-context.js";
import { readVerifiedBlob } from "../records/read-verified-blob.js";
import { findEvidence } from "./evidence-queries.js";

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Sends an evidence file only after recomputing its SHA-256: a file changed or damaged in storage is
 * refused and logged, never handed out as evidence. The whole file is read first because a stream
 * cannot be called back once it has started.
 */
export const downloadEvidenceFile: Handler<Routes["downloadEvidenceFile"]> = async (ctx) => {
  const { tx, org, input, deps, request } = ctx;
  const row = await findEvidence(tx, org.orgId, input.params.evidenceId);
  if (row.kind !== "file" || !row.file_sha256 || !row.file_media_type) {
    throw new AppError("not_found", `Evidence ${row.ref} is a ${row.kind}, not a file; it has nothing to download.`);
  }
  const expected = row.file_sha256;
  const blob = await readVerifiedBlob(deps.blobs, expected);
  if (blob.state === "missing") {
    request.log.error({ evidenceId: row.id, sha256: expected }, "evidence file is missing from blob storage");
    throw new AppError(
      "internal",
      `The file of evidence ${row.ref} is missing from storage. Restore it from a backup.`,
      { reason: "evidence_file_missing", evidenceId: row.id },
    );
  }
  if (blob.state === "corrupted") {
    request.log.error(
      { evidenceId: row.id, expectedSha256: expected, actualSha256: blob.actualSha256 },
      "evidence file is corrupted: its SHA-256 no longer matches the record",
    );
    throw new AppError(
      "internal",
      `The evidence file is corrupted: the stored file of ${row.ref} no longer matches the SHA-256 recorded when it was collected. Restore it from a backup.`,
      { reason: "evidence_file_corrupted", evidenceId: row.id, expectedSha256: expected },
    );
  }
  return new RawResponse(row.file_media_type, blob.bytes, undefined, {
    "x-content-sha256": expected,
    "content-disposition": contentDisposition(row.file_name ?? `${row.ref}.bin`),
  });
};
