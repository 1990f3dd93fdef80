/**
 * Bundles in the exact JSON the reference tool (sigstore/model-transparency) writes, built here by
 * code: field names and order as its key signer serialises them (camelCase bundle fields,
 * `verificationMaterial.publicKey.hint`, `tlogEntries: []`, `keyid: ""`, the statement pretty-printed
 * with `resources` before `serialization` and unsorted `ignore_paths`), the older material form
 * (`publicKey.rawBytes`), and the v0.1 predicate signed with model_signing 0.2's encoding.
 */
import { createHash, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pae, paeCompat } from "./format.js";
import { verifyModel } from "./verify.js";

const sha = (data: string) => createHash("sha256").update(data).digest("hex");

let dir: string;
let model: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "aims-shape-"));
  model = join(dir, "published-model");
  await mkdir(model);
  await writeFile(join(model, "signme-1"), "first file\n");
  await writeFile(join(model, "signme-2"), "second file\n");
  await writeFile(join(model, "ignore-me"), "not signed\n");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const TYPE = "application/vnd.in-toto+json";
const spkiPem = (key: KeyObject) => key.export({ type: "spki", format: "pem" }).toString();

function v1Payload(): Buffer {
  const resources = [
    { algorithm: "sha256", name: "signme-1", digest: sha("first file\n") },
    { algorithm: "sha256", name: "signme-2", digest: sha("second file\n") },
  ];
  const root = createHash("sha256");
  for (const r of resources) root.update(Buffer.from(r.digest, "hex"));
  const statement = {
    _type: "https://in-toto.io/Statement/v1",
    subject: [{ name: "published-model", digest: { sha256: root.digest("hex") } }],
    predicateType: "https://model_signing/signature/v1.0",
    predicate: {
      resources,
      serialization: {
        allow_symlinks: false,
        method: "files",
        hash_type: "sha256",
        ignore_paths: [".git", "model.sig", "ignore-me", ".gitattributes", ".gitignore", ".github"],
      },
    },
  };
  return Buffer.from(JSON.stringify(statement, null, 2));
}

function bundleJson(material: Record<string, unknown>, payload: Buffer, signature: Buffer): string {
  return JSON.stringify(
    {
      mediaType: "application/vnd.dev.sigstore.bundle.v0.3+json",
      verificationMaterial: material,
      dsseEnvelope: {
        payload: payload.toString("base64"),
        payloadType: TYPE,
        signatures: [{ sig: signature.toString("base64"), keyid: "" }],
      },
    },
    null,
    4,
  );
}

describe("bundles written by the reference tool", () => {
  it("accepts a v1.0 bundle with a publicKey hint (P-384, SHA-384) and honours its ignore_paths", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-384" });
    const payload = v1Payload();
    const signature = sign("sha384", pae(TYPE, payload), { key: privateKey, dsaEncoding: "der" });
    const hint = sha(spkiPem(publicKey));
    const signaturePath = join(model, "model.sig");
    await writeFile(signaturePath, bundleJson({ publicKey: { hint }, tlogEntries: [] }, payload, signature));
    const result = await verifyModel(model, { signaturePath, publicKeyPem: spkiPem(publicKey) });
    expect(result).toMatchObject({ status: "verified", signer: `key sha256:${hint}`, added: [] });
  });

  it("accepts the older material form carrying the PEM in publicKey.rawBytes, and refuses another key", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const payload = v1Payload();
    const signature = sign("sha256", pae(TYPE, payload), { key: privateKey, dsaEncoding: "der" });
    const signaturePath = join(dir, "model.sig");
    const rawBytes = Buffer.from(spkiPem(publicKey)).toString("base64");
    await writeFile(signaturePath, bundleJson({ publicKey: { rawBytes } }, payload, signature));
    expect((await verifyModel(model, { signaturePath, publicKeyPem: spkiPem(publicKey) })).status).toBe("verified");
    const other = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey;
    const wrong = await verifyModel(model, { signaturePath, publicKeyPem: spkiPem(other) });
    expect(wrong).toMatchObject({ status: "failed", reason: expect.stringMatching(/Key mismatch/) });
  });

  it("accepts the v0.1 predicate (one subject per file) signed with model_signing 0.2's encoding", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-384" });
    const statement = {
      _type: "https://in-toto.io/Statement/v1",
      subject: [
        {
          name: "signme-1",
          digest: { sha256: sha("first file\n") },
          annotations: { actual_hash_algorithm: "file-sha256" },
        },
        {
          name: "signme-2",
          digest: { sha256: sha("second file\n") },
          annotations: { actual_hash_algorithm: "file-sha256" },
        },
      ],
      predicateType: "https://model_signing/Digests/v0.1",
      predicate: { unused: "Unused, just passed due to API requirements" },
    };
    const payload = Buffer.from(JSON.stringify(statement, null, 2));
    // 0.2 signed "DSSEV1 … b'<payload as a Python bytes literal>'" with SHA-256 whatever the curve.
    const signature = sign("sha256", paeCompat(TYPE, payload), { key: privateKey, dsaEncoding: "der" });
    const signaturePath = join(dir, "model.sig");
    await writeFile(signaturePath, bundleJson({ publicKey: {} }, payload, signature));
    const result = await verifyModel(model, {
      signaturePath,
      publicKeyPem: spkiPem(publicKey),
      ignorePaths: ["ignore-me"],
    });
    expect(result).toMatchObject({ status: "verified", predicateType: "https://model_signing/Digests/v0.1" });
    const unlisted = await verifyModel(model, { signaturePath, publicKeyPem: spkiPem(publicKey) });
    expect(unlisted).toMatchObject({ status: "failed", added: ["ignore-me"] });
  });

  it("encodes the 0.2 form as a Python bytes literal, escaping quotes, backslashes and control bytes", () => {
    const encoded = paeCompat("t", Buffer.from("a'\\\n\u0001é")).toString("utf8");
    expect(encoded).toBe(`DSSEV1 1 t 7 b"a'\\\\\\n\\x01\\xc3\\xa9"`);
  });
});
