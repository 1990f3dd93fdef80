import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type HashModelOptions, hashModel, type ModelManifest } from "../hashing/model-manifest.js";
import {
  BUNDLE_MEDIA_TYPE,
  IN_TOTO_PAYLOAD_TYPE,
  manifestToStatement,
  pae,
  publicKeyHint,
  type SerializedModelBundle,
} from "./format.js";
import { loadPrivateKey, publicKeyPem, signBytes } from "./keys.js";

export interface SignModelOptions extends HashModelOptions {
  /** Where the signature goes; when inside the model it is left out of the manifest. Written when given. */
  out?: string;
  /** Passphrase of an encrypted private key. */
  passphrase?: string;
}

export interface SignedModel {
  bundle: SerializedModelBundle;
  /** The bundle as written to the signature file. */
  json: string;
  manifest: ModelManifest;
}

/**
 * Signs a model (file or directory) with a private key (PEM: ECDSA P-256/P-384/P-521, Ed25519 or
 * RSA) in the OpenSSF model-signing format: a Sigstore bundle v0.3 whose DSSE envelope signs the
 * in-toto statement of the model's manifest, with the key's hint as verification material and no
 * transparency-log entries (as the reference tool's key signer writes it).
 */
export async function signModel(
  path: string,
  privateKeyPem: string | Buffer,
  options: SignModelOptions = {},
): Promise<SignedModel> {
  const key = loadPrivateKey(privateKeyPem, options.passphrase);
  const ignorePaths = [...(options.ignorePaths ?? [])];
  if (options.out) ignorePaths.push(resolve(options.out));
  const manifest = await hashModel(path, { ...options, ignorePaths });
  const payload = Buffer.from(JSON.stringify(manifestToStatement(manifest), null, 2), "utf8");
  const signature = signBytes(key, pae(IN_TOTO_PAYLOAD_TYPE, payload));
  const bundle: SerializedModelBundle = {
    mediaType: BUNDLE_MEDIA_TYPE,
    verificationMaterial: {
      publicKey: { hint: publicKeyHint(publicKeyPem(key)) },
      tlogEntries: [],
    },
    dsseEnvelope: {
      payload: payload.toString("base64"),
      payloadType: IN_TOTO_PAYLOAD_TYPE,
      signatures: [{ sig: signature.toString("base64"), keyid: "" }],
    },
  };
  const json = `${JSON.stringify(bundle, null, 2)}\n`;
  if (options.out) await writeFile(options.out, json);
  return { bundle, json, manifest };
}
