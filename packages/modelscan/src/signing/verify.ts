import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { ModelSignatureResult } from "@openaims/contracts";
import { hashModel, type ModelManifestItem } from "../hashing/model-manifest.js";
import {
  IN_TOTO_PAYLOAD_TYPE,
  pae,
  paeCompat,
  parseModelBundle,
  publicKeyHint,
  type SerializedModelBundle,
  type SignedManifest,
  statementToManifest,
} from "./format.js";
import { type KeylessIdentity, verifyKeylessBundle } from "./keyless.js";
import { loadPublicKey, publicKeyPem, verifyBytes } from "./keys.js";

export type VerifyModelOptions = {
  /** The signature file (a Sigstore bundle); left out of the model's manifest when inside it. */
  signaturePath: string;
  /** Extra paths to leave out, besides the ones the signature records. */
  ignorePaths?: readonly string[];
} & (
  | { publicKeyPem: string | Buffer; trustRoot?: never; identity?: never }
  | {
      publicKeyPem?: never;
      identity: KeylessIdentity;
      /** The trusted_root.json text; null or absent means none was supplied (no network here). */
      trustRoot?: string | null;
    }
);

const empty = { changed: [], added: [], removed: [] };

function failed(
  reason: string,
  predicateType: string | null = null,
  signer: string | null = null,
): ModelSignatureResult {
  return { status: "failed", predicateType, signer, ...empty, reason };
}

/** Checks the DSSE signature with a public key (and the bundle's key hint when it has one). Returns the signer. */
function verifyWithKey(bundle: SerializedModelBundle, keyPem: string | Buffer): string {
  const key = loadPublicKey(keyPem);
  const hint = publicKeyHint(publicKeyPem(key));
  const material = bundle.verificationMaterial.publicKey;
  if (material?.hint && material.hint !== hint)
    throw new Error(`Key mismatch: the signature names key ${material.hint}, the key given is ${hint}.`);
  if (!material?.hint && material?.rawBytes) {
    // The older form carries the signer's public key itself.
    let embedded: string | null = null;
    try {
      embedded = publicKeyPem(loadPublicKey(Buffer.from(material.rawBytes, "base64")));
    } catch {
      embedded = null;
    }
    if (embedded !== publicKeyPem(key))
      throw new Error("Key mismatch: the public key in the signature is not the key given.");
  }
  const payload = Buffer.from(bundle.dsseEnvelope.payload, "base64");
  const type = bundle.dsseEnvelope.payloadType;
  const accepted = bundle.dsseEnvelope.signatures.some((signature) => {
    const sig = Buffer.from(signature.sig, "base64");
    if (verifyBytes(key, pae(type, payload), sig)) return true;
    // model_signing 0.2's encoding, signed with SHA-256 for every ECDSA curve.
    const compat = paeCompat(type, payload);
    return verifyBytes(key, compat, sig) || (key.asymmetricKeyType === "ec" && verifyBytes(key, compat, sig, "sha256"));
  });
  if (!accepted) throw new Error("The DSSE signature does not verify with the key given.");
  return `key sha256:${hint}`;
}

/** Where each shard or file name points to, for naming files in a comparison. */
const fileOf = (name: string, method: string) => (method === "shards" ? name.replace(/:\d+:\d+$/, "") : name);

/** Files changed, added and removed between the signed manifest and the model on disk, each named once. */
export function compareManifests(
  signed: readonly ModelManifestItem[],
  actual: readonly ModelManifestItem[],
  method: string,
): Pick<ModelSignatureResult, "changed" | "added" | "removed"> {
  const expected = new Map(signed.map((item) => [item.name, item.sha256]));
  const found = new Map(actual.map((item) => [item.name, item.sha256]));
  const signedFiles = new Set(signed.map((item) => fileOf(item.name, method)));
  const actualFiles = new Set(actual.map((item) => fileOf(item.name, method)));
  const changed = new Set<string>();
  for (const [name, digest] of expected) {
    const file = fileOf(name, method);
    if (!actualFiles.has(file)) continue;
    if (found.get(name) !== digest) changed.add(file);
  }
  // A file whose size changed has shards the signature does not list.
  for (const name of found.keys()) {
    const file = fileOf(name, method);
    if (signedFiles.has(file) && !expected.has(name)) changed.add(file);
  }
  return {
    changed: [...changed].sort(),
    added: [...actualFiles].filter((file) => !signedFiles.has(file)).sort(),
    removed: [...signedFiles].filter((file) => !actualFiles.has(file)).sort(),
  };
}

/**
 * Verifies a model against an OpenSSF model signature, offline: the signature (with a public key,
 * or keyless with a certificate identity, its OIDC issuer and a trusted_root.json), then the signed
 * manifest against the files on disk, naming every file changed, added or removed. Never throws for
 * a bad signature or a changed model: the result says `failed` and why. `not_checked` when keyless
 * verification was asked without a trust root.
 */
export async function verifyModel(path: string, options: VerifyModelOptions): Promise<ModelSignatureResult> {
  let bundle: SerializedModelBundle;
  try {
    bundle = parseModelBundle(await readFile(options.signaturePath, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return failed(code ? `Cannot read the signature file: ${code}.` : (error as Error).message);
  }
  if (bundle.dsseEnvelope.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    return failed(`The DSSE payload type is '${bundle.dsseEnvelope.payloadType}', expected ${IN_TOTO_PAYLOAD_TYPE}.`);

  let signer: string;
  try {
    if (options.publicKeyPem !== undefined) signer = verifyWithKey(bundle, options.publicKeyPem);
    else {
      if (!options.trustRoot)
        return {
          status: "not_checked",
          predicateType: null,
          signer: null,
          ...empty,
          reason:
            "Keyless verification needs a Sigstore trust root, and none was given: there is no network here to fetch the public-good one. Download trusted_root.json (e.g. with `sigstore trust-root` or from the sigstore/root-signing repository) on a connected machine and pass it with --trust-root.",
        };
      signer = verifyKeylessBundle(bundle, options.trustRoot, options.identity);
    }
  } catch (error) {
    return failed((error as Error).message);
  }

  let signed: SignedManifest;
  try {
    signed = statementToManifest(Buffer.from(bundle.dsseEnvelope.payload, "base64"));
  } catch (error) {
    return failed((error as Error).message, null, signer);
  }

  const ignorePaths = [
    ...signed.serialization.ignore_paths,
    ...(options.ignorePaths ?? []),
    resolve(options.signaturePath),
  ];
  let actual: ModelManifestItem[];
  try {
    const manifest = await hashModel(path, {
      ignorePaths,
      ignoreGitPaths: true,
      allowSymlinks: signed.serialization.allow_symlinks,
      ...(signed.serialization.shard_size ? { shardSize: signed.serialization.shard_size } : {}),
    });
    actual = manifest.items;
  } catch (error) {
    return failed((error as Error).message, signed.predicateType, signer);
  }
  const diff = compareManifests(signed.items, actual, signed.serialization.method);
  const differs = diff.changed.length + diff.added.length + diff.removed.length > 0;
  return {
    status: differs ? "failed" : "verified",
    predicateType: signed.predicateType,
    signer,
    ...diff,
    reason: differs ? describeDiff(diff) : null,
  };
}

function describeDiff(diff: Pick<ModelSignatureResult, "changed" | "added" | "removed">): string {
  const parts: string[] = [];
  const list = (files: string[]) =>
    files.slice(0, 20).join(", ") + (files.length > 20 ? `, and ${files.length - 20} more` : "");
  if (diff.changed.length) parts.push(`changed since signing: ${list(diff.changed)}`);
  if (diff.added.length) parts.push(`not in the signature: ${list(diff.added)}`);
  if (diff.removed.length) parts.push(`signed but missing: ${list(diff.removed)}`);
  return `The model does not match its signature (${parts.join("; ")}).`;
}
