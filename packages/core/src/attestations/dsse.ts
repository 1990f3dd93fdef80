import { type KeyObject, sign, verify } from "node:crypto";

/**
 * A DSSE envelope (Dead Simple Signing Envelope, the signature wrapper of in-toto attestations):
 * the payload and its type, base64-encoded, with one or more signatures over their
 * pre-authentication encoding.
 */
export interface DsseEnvelope {
  payloadType: string;
  /** Base64 of the payload bytes. */
  payload: string;
  signatures: { keyid?: string; sig: string }[];
}

/** The media type of an in-toto statement carried in a DSSE envelope. */
export const IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

/**
 * DSSE's pre-authentication encoding, the bytes that are signed:
 * "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in bytes as ASCII decimals.
 */
export function preAuthEncoding(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, "utf8");
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

/** Signs `payload` with an Ed25519 private key into a DSSE envelope with one signature. */
export function signDsse(payloadType: string, payload: Buffer, privateKey: KeyObject, keyid?: string): DsseEnvelope {
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("DSSE signing here uses Ed25519 keys only");
  const sig = sign(null, preAuthEncoding(payloadType, payload), privateKey).toString("base64");
  return { payloadType, payload: payload.toString("base64"), signatures: [{ ...(keyid ? { keyid } : {}), sig }] };
}

/**
 * Base64, standard or URL-safe, with or without padding (DSSE allows each); null if it is neither, or
 * if its last character carries bits a decoder would drop — so no two spellings decode alike and a
 * changed character always changes the bytes.
 */
function decodeBase64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) return null;
  const standard = text.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (standard.length % 4 === 1) return null;
  const bytes = Buffer.from(standard, "base64");
  return bytes.toString("base64").replace(/=+$/, "") === standard ? bytes : null;
}

export type DsseVerification =
  | { valid: true; payloadType: string; payload: Buffer; keyid: string | undefined }
  | { valid: false; reason: string };

/**
 * Checks a parsed JSON value as a DSSE envelope signed by `publicKey` (Ed25519): valid when it has
 * the envelope's shape and at least one of its signatures verifies over the payload and its type.
 */
export function verifyDsse(envelope: unknown, publicKey: KeyObject): DsseVerification {
  if (publicKey.asymmetricKeyType !== "ed25519") return { valid: false, reason: "the key is not an Ed25519 key" };
  const value = envelope as Partial<DsseEnvelope> | null;
  if (
    typeof value !== "object" ||
    value === null ||
    typeof value.payloadType !== "string" ||
    typeof value.payload !== "string" ||
    !Array.isArray(value.signatures)
  )
    return { valid: false, reason: "not a DSSE envelope (payloadType, payload and signatures are required)" };
  const payload = decodeBase64(value.payload);
  if (!payload) return { valid: false, reason: "the payload is not base64" };
  if (value.signatures.length === 0) return { valid: false, reason: "the envelope has no signature" };
  const signed = preAuthEncoding(value.payloadType, payload);
  for (const entry of value.signatures) {
    const sig = typeof entry?.sig === "string" ? decodeBase64(entry.sig) : null;
    if (sig && sig.length === 64 && verify(null, signed, publicKey, sig))
      return {
        valid: true,
        payloadType: value.payloadType,
        payload,
        keyid: typeof entry.keyid === "string" ? entry.keyid : undefined,
      };
  }
  return { valid: false, reason: "no signature verifies with this key: the file was changed or signed by another key" };
}
