/**
 * The OpenSSF model-signing format (github.com/sigstore/model-transparency): a Sigstore bundle whose
 * DSSE envelope signs an in-toto Statement v1 listing every file of the model with its digest.
 *
 * v1.0 (predicate `https://model_signing/signature/v1.0`): one subject, named after the model,
 * whose sha256 is the SHA-256 over the resources' raw digests in the listed order; the predicate
 * holds `serialization` (method files|shards, hash_type, allow_symlinks, ignore_paths, shard_size)
 * and `resources` ({ name, algorithm, digest } per file or shard).
 * v0.1 (predicate `https://model_signing/Digests/v0.1`, written by model_signing 0.2): one subject
 * per file ({ name, digest: { sha256 } }), no serialization (files, sha256, no symlinks implied) and
 * a predicate with nothing in it; there is no root digest to check.
 */
import { createHash } from "node:crypto";
import {
  compareManifestNames,
  type ModelManifest,
  type ModelManifestItem,
  type ModelSerialization,
  manifestRootDigest,
} from "../hashing/model-manifest.js";

export const BUNDLE_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
export const IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
export const IN_TOTO_STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
export const MODEL_SIGNING_PREDICATE_V1 = "https://model_signing/signature/v1.0";
export const MODEL_SIGNING_PREDICATE_V01 = "https://model_signing/Digests/v0.1";

/** The signature's file name the reference tool uses by default. */
export const DEFAULT_SIGNATURE_FILE = "model.sig";

/** A signature file that is not in the format, or a statement that contradicts itself. */
export class SignatureFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SignatureFormatError";
  }
}

/** The bundle's JSON as written (camelCase field names of the Sigstore protobuf JSON mapping). */
export interface SerializedModelBundle {
  mediaType: string;
  verificationMaterial: {
    /** `hint` since model_signing 1.0.1; older writers put the PEM itself, base64, in `rawBytes`. */
    publicKey?: { hint?: string; rawBytes?: string };
    certificate?: { rawBytes: string };
    x509CertificateChain?: { certificates: Array<{ rawBytes: string }> };
    tlogEntries?: unknown[];
    timestampVerificationData?: unknown;
  };
  dsseEnvelope: {
    payload: string;
    payloadType: string;
    signatures: Array<{ sig: string; keyid?: string }>;
  };
}

/** DSSE pre-authentication encoding (DSSE v1 protocol). */
export function pae(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, "utf8");
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.byteLength} `, "utf8"),
    type,
    Buffer.from(` ${payload.byteLength} `, "utf8"),
    payload,
  ]);
}

/** Python's repr() of a bytes value, e.g. b'{\n  "a": 1\n}'. */
function pythonBytesRepr(bytes: Uint8Array): string {
  const hasSingle = bytes.includes(0x27);
  const hasDouble = bytes.includes(0x22);
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = `b${quote}`;
  for (const byte of bytes) {
    if (byte === 0x5c) out += "\\\\";
    else if (byte === quote.charCodeAt(0)) out += `\\${quote}`;
    else if (byte === 0x09) out += "\\t";
    else if (byte === 0x0a) out += "\\n";
    else if (byte === 0x0d) out += "\\r";
    else if (byte < 0x20 || byte >= 0x7f) out += `\\x${byte.toString(16).padStart(2, "0")}`;
    else out += String.fromCharCode(byte);
  }
  return `${out}${quote}`;
}

/**
 * The encoding model_signing 0.2's key signer signed by mistake ("DSSEV1", and the payload as a
 * Python bytes literal); the reference verifier still accepts it, and so do we.
 */
export function paeCompat(payloadType: string, payload: Uint8Array): Buffer {
  return Buffer.from(
    `DSSEV1 ${payloadType.length} ${payloadType} ${payload.byteLength} ${pythonBytesRepr(payload)}`,
    "utf8",
  );
}

/** The in-toto statement (v1.0 predicate) for a manifest, as the reference signer writes it. */
export function manifestToStatement(manifest: ModelManifest): Record<string, unknown> {
  const serialization: Record<string, unknown> = {
    method: manifest.serialization.method,
    hash_type: manifest.serialization.hash_type,
    allow_symlinks: manifest.serialization.allow_symlinks,
  };
  if (manifest.serialization.shard_size !== undefined) serialization.shard_size = manifest.serialization.shard_size;
  if (manifest.serialization.ignore_paths.length > 0) serialization.ignore_paths = manifest.serialization.ignore_paths;
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [{ name: manifest.modelName, digest: { sha256: manifest.rootDigest } }],
    predicateType: MODEL_SIGNING_PREDICATE_V1,
    predicate: {
      serialization,
      resources: manifest.items.map((item) => ({ name: item.name, algorithm: "sha256", digest: item.sha256 })),
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** The signed manifest read back from a statement: the items, the serialization to repeat, the predicate. */
export interface SignedManifest {
  predicateType: string;
  modelName: string | null;
  serialization: ModelSerialization;
  items: ModelManifestItem[];
}

function readSerialization(value: unknown): ModelSerialization {
  if (!isRecord(value)) throw new SignatureFormatError("The predicate has no serialization object.");
  const method = value.method;
  if (method !== "files" && method !== "shards")
    throw new SignatureFormatError(`Unknown serialization method '${String(method)}' (expected files or shards).`);
  if (value.hash_type !== "sha256")
    throw new SignatureFormatError(
      `The model was hashed with '${String(value.hash_type)}'; only sha256 can be checked here.`,
    );
  const ignore = value.ignore_paths ?? [];
  if (!Array.isArray(ignore) || ignore.some((p) => typeof p !== "string"))
    throw new SignatureFormatError("serialization.ignore_paths must be a list of paths.");
  const allow = value.allow_symlinks;
  const serialization: ModelSerialization = {
    method,
    hash_type: "sha256",
    // Some writers record the flag as a string ("false").
    allow_symlinks: allow === true || allow === "true" || allow === "True",
    ignore_paths: (ignore as string[]).map((p) => p.replace(/^\.\//, "").replace(/\/+$/, "")).filter(Boolean),
  };
  if (method === "shards") {
    const size = Number(value.shard_size);
    if (!Number.isInteger(size) || size <= 0)
      throw new SignatureFormatError("serialization.shard_size must be a whole number above 0.");
    serialization.shard_size = size;
  }
  return serialization;
}

/** Reads and checks the statement a DSSE envelope carried (payload bytes, already authenticated). */
export function statementToManifest(payload: Uint8Array): SignedManifest {
  let statement: unknown;
  try {
    statement = JSON.parse(Buffer.from(payload).toString("utf8"));
  } catch {
    throw new SignatureFormatError("The signed payload is not JSON.");
  }
  if (!isRecord(statement)) throw new SignatureFormatError("The signed payload is not a JSON object.");
  if (statement._type !== IN_TOTO_STATEMENT_TYPE)
    throw new SignatureFormatError(
      `Expected an in-toto ${IN_TOTO_STATEMENT_TYPE} statement, got '${String(statement._type)}'.`,
    );
  const subjects = statement.subject;
  if (!Array.isArray(subjects)) throw new SignatureFormatError("The statement has no subject list.");
  const predicateType = statement.predicateType;

  if (predicateType === MODEL_SIGNING_PREDICATE_V01) {
    const items = subjects.map((subject, index): ModelManifestItem => {
      const digest = isRecord(subject) && isRecord(subject.digest) ? subject.digest.sha256 : undefined;
      if (
        !isRecord(subject) ||
        typeof subject.name !== "string" ||
        typeof digest !== "string" ||
        !HEX_SHA256.test(digest)
      )
        throw new SignatureFormatError(`Subject ${index} has no name or no sha256 digest.`);
      return { name: subject.name, sha256: digest, size: 0 };
    });
    return {
      predicateType,
      modelName: null,
      serialization: { method: "files", hash_type: "sha256", allow_symlinks: false, ignore_paths: [] },
      items: items.sort((a, b) => compareManifestNames(a.name, b.name)),
    };
  }

  if (predicateType !== MODEL_SIGNING_PREDICATE_V1)
    throw new SignatureFormatError(
      `Unknown predicate type '${String(predicateType)}' (expected ${MODEL_SIGNING_PREDICATE_V1} or ${MODEL_SIGNING_PREDICATE_V01}).`,
    );
  if (subjects.length !== 1) throw new SignatureFormatError(`Expected one subject, got ${subjects.length}.`);
  const subject = subjects[0];
  const rootDigest = isRecord(subject) && isRecord(subject.digest) ? subject.digest.sha256 : undefined;
  if (!isRecord(subject) || typeof rootDigest !== "string")
    throw new SignatureFormatError("The subject has no sha256 digest.");
  const predicate = statement.predicate;
  if (!isRecord(predicate)) throw new SignatureFormatError("The statement has no predicate.");
  const serialization = readSerialization(predicate.serialization);
  if (!Array.isArray(predicate.resources)) throw new SignatureFormatError("The predicate has no resources list.");
  const seen = new Set<string>();
  const items = predicate.resources.map((resource, index): ModelManifestItem => {
    if (
      !isRecord(resource) ||
      typeof resource.name !== "string" ||
      typeof resource.digest !== "string" ||
      !HEX_SHA256.test(resource.digest.toLowerCase())
    )
      throw new SignatureFormatError(`Resource ${index} has no name or no hex SHA-256 digest.`);
    if (seen.has(resource.name)) throw new SignatureFormatError(`Resource '${resource.name}' is listed twice.`);
    seen.add(resource.name);
    return { name: resource.name, sha256: resource.digest.toLowerCase(), size: 0 };
  });
  const computed = manifestRootDigest(items.map((item) => item.sha256));
  if (computed !== rootDigest.toLowerCase())
    throw new SignatureFormatError(
      `The statement is inconsistent: its subject digest is ${rootDigest}, but its resources hash to ${computed}.`,
    );
  return {
    predicateType,
    modelName: typeof subject.name === "string" ? subject.name : null,
    serialization,
    items: items.sort((a, b) => compareManifestNames(a.name, b.name)),
  };
}

/** Reads a signature file's JSON into the bundle shape, naming what is missing. */
export function parseModelBundle(text: string): SerializedModelBundle {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SignatureFormatError("The signature file is not JSON (expected a Sigstore bundle).");
  }
  if (!isRecord(json)) throw new SignatureFormatError("The signature file is not a JSON object.");
  if (typeof json.mediaType !== "string" || !json.mediaType.startsWith("application/vnd.dev.sigstore.bundle"))
    throw new SignatureFormatError(`Not a Sigstore bundle: mediaType is '${String(json.mediaType)}'.`);
  const envelope = json.dsseEnvelope;
  if (!isRecord(envelope))
    throw new SignatureFormatError("The bundle has no dsseEnvelope (a model signature is a DSSE envelope).");
  if (typeof envelope.payload !== "string" || typeof envelope.payloadType !== "string")
    throw new SignatureFormatError("The DSSE envelope has no payload or payloadType.");
  if (!Array.isArray(envelope.signatures) || envelope.signatures.length === 0)
    throw new SignatureFormatError("The DSSE envelope has no signatures.");
  for (const signature of envelope.signatures)
    if (!isRecord(signature) || typeof signature.sig !== "string")
      throw new SignatureFormatError("A DSSE signature has no sig.");
  if (!isRecord(json.verificationMaterial)) throw new SignatureFormatError("The bundle has no verificationMaterial.");
  return json as unknown as SerializedModelBundle;
}

/** The public-key hint the reference signer writes: hex SHA-256 of the key's SubjectPublicKeyInfo PEM. */
export function publicKeyHint(spkiPem: string): string {
  return createHash("sha256").update(spkiPem, "utf8").digest("hex");
}
