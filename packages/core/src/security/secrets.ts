import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Kinds of bearer secret the product issues; the prefix lets secret scanners recognise them. */
export type SecretKind = "pat" | "session" | "invite" | "setup" | "csrf";

/** A random secret of 32 bytes, base64url, prefixed with its kind: `aims_pat_…`. */
export function generateSecret(kind: SecretKind): string {
  return `aims_${kind}_${randomBytes(32).toString("base64url")}`;
}

/**
 * SHA-256 of a high-entropy secret. Enough for random 256-bit values (no dictionary to attack);
 * passwords use argon2id instead.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** The short, non-secret prefix shown beside a token in lists. */
export function displayPrefix(secret: string): string {
  return `${secret.slice(0, 13)}…`;
}
