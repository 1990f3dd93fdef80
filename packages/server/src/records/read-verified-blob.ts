import { createHash } from "node:crypto";
import type { BlobStore } from "@openaims/db";

export type VerifiedBlob =
  | { state: "ok"; bytes: Buffer }
  | { state: "missing" }
  | { state: "corrupted"; actualSha256: string };

/**
 * Reads a content-addressed blob whole and checks it still hashes to its address, so a download
 * never serves a file that changed on disk. The caller words the refusal for its own record.
 */
export async function readVerifiedBlob(blobs: BlobStore, sha256: string): Promise<VerifiedBlob> {
  const stream = await blobs.get(sha256);
  if (!stream) return { state: "missing" };
  const hash = createHash("sha256");
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    hash.update(buffer);
    chunks.push(buffer);
  }
  const actualSha256 = hash.digest("hex");
  return actualSha256 === sha256 ? { state: "ok", bytes: Buffer.concat(chunks) } : { state: "corrupted", actualSha256 };
}
