import { createHash } from "node:crypto";

/** SHA-256 (lowercase hex) of a document body as UTF-8: what a reviewer's approval is bound to. */
export function hashDocumentBody(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}
