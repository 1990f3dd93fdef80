import { decideUploadType, isUtf8Text } from "@openaims/core";
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "../http/app-error.js";

/**
 * What an uploaded evidence file's bytes are, or a 400 refusing a program or a script: naming the
 * body when its bytes gave it away, or query.filename when its name did. Nothing is stored before.
 */
export async function evidenceMediaType(bytes: Buffer, filename: string | null): Promise<string> {
  const sniffed = await fileTypeFromBuffer(bytes);
  const decision = decideUploadType({
    head: bytes.subarray(0, 64),
    sniffed,
    isText: !sniffed && isUtf8Text(bytes),
    filename,
  });
  if (!decision.ok) {
    const field = decision.refusedBy === "name" ? "query.filename" : "body";
    throw new AppError("validation_failed", decision.reason, {
      fields: [{ field, label: field === "body" ? "File" : "File name", message: decision.reason }],
    });
  }
  return decision.mediaType;
}
