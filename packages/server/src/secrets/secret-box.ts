import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Secrets the server must present to others (an identity provider's client secret) are stored
 * sealed with AES-256-GCM under the server's key. A sealed value reads
 * `v1:<key id>:<nonce, base64>:<ciphertext and tag, base64>`; the organisation id is authenticated
 * with it, so a value copied into another organisation's row does not open.
 */

export const SECRET_KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = "v1";
const SEALED = /^v1:([0-9a-f]{8}):([A-Za-z0-9+/]{16}):([A-Za-z0-9+/]+={0,2})$/;

/** Why a sealed value could not be opened: sealed under another key, or altered (or moved to another organisation). */
export class SecretUnreadableError extends Error {
  constructor(
    readonly reason: "other_key" | "not_authentic" | "not_sealed",
    message: string,
  ) {
    super(message);
    this.name = "SecretUnreadableError";
  }
}

/** Seals and opens one organisation's secrets under the server's key. */
export interface SecretBox {
  /** Short fingerprint of the key, stored in every sealed value; reveals nothing of the key. */
  readonly keyId: string;
  seal(orgId: string, plaintext: string): string;
  /** Throws SecretUnreadableError when the value was sealed under another key, altered, or is not sealed. */
  open(orgId: string, sealed: string): string;
}

/**
 * Parses AIMS_SECRET_KEY: exactly 32 bytes written as 64 hexadecimal digits or as base64.
 * The error names `source` and never repeats the value.
 */
export function parseSecretKey(raw: string, source: string): Buffer {
  const value = raw.trim();
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(value)) key = Buffer.from(value, "hex");
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) key = Buffer.from(value, "base64");
  if (!key || key.length !== SECRET_KEY_BYTES) {
    throw new Error(
      `${source} must be ${SECRET_KEY_BYTES} random bytes as base64 or 64 hex digits (generate one with: openssl rand -base64 32)`,
    );
  }
  return key;
}

/** The key id stored with each sealed value: the first 8 hex digits of a SHA-256 over the key. */
export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update("openaims secret key id\0").update(key).digest("hex").slice(0, 8);
}

/** Whether a stored value is in the sealed format (anything else is a plain-text value from before). */
export function isSealed(value: string): boolean {
  return SEALED.test(value);
}

/** The key id a sealed value names, or null for a value that is not sealed. */
export function sealedKeyId(value: string): string | null {
  return SEALED.exec(value)?.[1] ?? null;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== SECRET_KEY_BYTES) throw new Error(`The secret key must be ${SECRET_KEY_BYTES} bytes.`);
  const keyId = keyIdOf(key);
  return {
    keyId,
    seal(orgId, plaintext) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: TAG_BYTES });
      cipher.setAAD(additionalData(keyId, orgId));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}:${keyId}:${nonce.toString("base64")}:${body.toString("base64")}`;
    },
    open(orgId, sealed) {
      const parts = SEALED.exec(sealed);
      if (!parts) throw new SecretUnreadableError("not_sealed", "The stored value is not a sealed secret.");
      const [, storedKeyId = "", nonce = "", body = ""] = parts;
      if (storedKeyId !== keyId) {
        throw new SecretUnreadableError(
          "other_key",
          `The secret was sealed with key ${storedKeyId}, but this server's key is ${keyId} (AIMS_SECRET_KEY or secret.key in the data directory).`,
        );
      }
      const bytes = Buffer.from(body, "base64");
      if (bytes.length < TAG_BYTES) throw notAuthentic();
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64"), { authTagLength: TAG_BYTES });
      decipher.setAAD(additionalData(keyId, orgId));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString(
          "utf8",
        );
      } catch {
        throw notAuthentic();
      }
    },
  };
}

/** The format version, the key id and the organisation are bound to the ciphertext. */
function additionalData(keyId: string, orgId: string): Buffer {
  return Buffer.from(`${VERSION}:${keyId}:${orgId}`, "utf8");
}

function notAuthentic(): SecretUnreadableError {
  return new SecretUnreadableError(
    "not_authentic",
    "The secret does not authenticate: it was altered, or copied from another organisation.",
  );
}
