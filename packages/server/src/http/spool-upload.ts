import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { SpooledUpload } from "@openaims/contracts";
import { AppError } from "./app-error.js";
import { invalidField } from "./invalid-fields.js";

/** A spooled upload and how to remove it once the request is answered. */
export interface SpooledFile extends SpooledUpload {
  remove(): Promise<void>;
}

/**
 * Streams a request body to a new temporary file, hashing it on the way, and stops with 413 as soon
 * as it passes `maxBytes` (a Content-Length over the limit is refused before a byte is read). The body
 * is never held in memory; the file is removed on any failure.
 */
export async function spoolUpload(
  body: unknown,
  declaredLength: string | undefined,
  maxBytes: number,
  limitName: string,
): Promise<SpooledFile> {
  const tooLarge = () =>
    new AppError(
      "payload_too_large",
      `The file is larger than this server accepts (${maxBytes} bytes, set by ${limitName}).`,
    );
  if (declaredLength && Number(declaredLength) > maxBytes) throw tooLarge();
  if (!isReadable(body)) throw invalidField("body", "is empty; choose a file to upload", "File");
  const dir = await mkdtemp(join(tmpdir(), "aims-upload-"));
  const path = join(dir, randomUUID());
  const remove = () => rm(dir, { recursive: true, force: true });
  const hash = createHash("sha256");
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge());
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(path, { flags: "wx", mode: 0o600 }));
  } catch (error) {
    await remove();
    if (error instanceof AppError) throw error;
    throw new AppError("validation_failed", "The upload was interrupted before the whole file arrived.");
  }
  if (size === 0) {
    await remove();
    throw invalidField("body", "is empty; choose a file to upload", "File");
  }
  return { path, size, sha256: hash.digest("hex"), remove };
}

function isReadable(body: unknown): body is Readable {
  return typeof body === "object" && body !== null && typeof (body as Readable).pipe === "function";
}
