import { generateKeyPairSync } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { modelSignatureResultSchema } from "@openaims/contracts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MODEL_SIGNING_PREDICATE_V1, parseModelBundle, publicKeyHint } from "./format.js";
import { signModel } from "./sign.js";
import { verifyModel } from "./verify.js";

let dir: string;
let model: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "aims-sign-"));
  model = join(dir, "model");
  await mkdir(join(model, "tokenizer"), { recursive: true });
  await writeFile(join(model, "config.json"), '{"hidden_size": 8}');
  await writeFile(join(model, "model.safetensors"), Buffer.alloc(4096, 7));
  await writeFile(join(model, "tokenizer", "vocab.txt"), "a\nb\n");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const keyPairs = {
  "ECDSA P-256": () => generateKeyPairSync("ec", { namedCurve: "P-256" }),
  "ECDSA P-384": () => generateKeyPairSync("ec", { namedCurve: "P-384" }),
  Ed25519: () => generateKeyPairSync("ed25519"),
};

function pems(kind: keyof typeof keyPairs) {
  const { privateKey, publicKey } = keyPairs[kind]();
  return {
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

describe.each(Object.keys(keyPairs) as Array<keyof typeof keyPairs>)("sign and verify with %s", (kind) => {
  it("verifies the signed model, then names a changed, an added and a removed file", async () => {
    const { privatePem, publicPem } = pems(kind);
    const signature = join(model, "model.sig");
    const signed = await signModel(model, privatePem, { out: signature });
    expect(signed.manifest.items.map((item) => item.name)).toEqual([
      "config.json",
      "model.safetensors",
      "tokenizer/vocab.txt",
    ]);
    const ok = await verifyModel(model, { signaturePath: signature, publicKeyPem: publicPem });
    expect(modelSignatureResultSchema.parse(ok)).toEqual({
      status: "verified",
      predicateType: MODEL_SIGNING_PREDICATE_V1,
      signer: `key sha256:${publicKeyHint(publicPem)}`,
      changed: [],
      added: [],
      removed: [],
      reason: null,
    });

    // One byte changed.
    const weights = await readFile(join(model, "model.safetensors"));
    weights[1000] = 8;
    await writeFile(join(model, "model.safetensors"), weights);
    const changed = await verifyModel(model, { signaturePath: signature, publicKeyPem: publicPem });
    expect(changed.status).toBe("failed");
    expect(changed.changed).toEqual(["model.safetensors"]);
    expect(changed.reason).toContain("model.safetensors");

    // A file added and one removed.
    await writeFile(join(model, "tokenizer", "merges.txt"), "x");
    await unlink(join(model, "config.json"));
    const moved = await verifyModel(model, { signaturePath: signature, publicKeyPem: publicPem });
    expect(moved).toMatchObject({
      status: "failed",
      changed: ["model.safetensors"],
      added: ["tokenizer/merges.txt"],
      removed: ["config.json"],
    });
  });

  it("fails with another key, naming the key mismatch", async () => {
    const { privatePem } = pems(kind);
    const other = pems(kind);
    const signature = join(dir, "model.sig");
    await signModel(model, privatePem, { out: signature });
    const result = await verifyModel(model, { signaturePath: signature, publicKeyPem: other.publicPem });
    expect(result.status).toBe("failed");
    expect(result.reason).toMatch(/Key mismatch/);
  });
});

describe("shards", () => {
  it("signs and verifies the shards method, naming the file whose shard changed or that grew", async () => {
    const { privatePem, publicPem } = pems("ECDSA P-256");
    const signature = join(dir, "model.sig");
    const { manifest } = await signModel(model, privatePem, { out: signature, shardSize: 1000 });
    expect(
      manifest.items.filter((item) => item.name.startsWith("model.safetensors:")).map((item) => item.name),
    ).toEqual([
      "model.safetensors:0:1000",
      "model.safetensors:1000:2000",
      "model.safetensors:2000:3000",
      "model.safetensors:3000:4000",
      "model.safetensors:4000:4096",
    ]);
    const statement = JSON.parse(
      Buffer.from(JSON.parse(await readFile(signature, "utf8")).dsseEnvelope.payload, "base64").toString(),
    );
    expect(statement.predicate.serialization).toMatchObject({ method: "shards", shard_size: 1000 });
    expect((await verifyModel(model, { signaturePath: signature, publicKeyPem: publicPem })).status).toBe("verified");

    const weights = await readFile(join(model, "model.safetensors"));
    weights[2500] = 1;
    await writeFile(join(model, "model.safetensors"), weights);
    await writeFile(join(model, "config.json"), '{"hidden_size": 8, "layers": 2}');
    const result = await verifyModel(model, { signaturePath: signature, publicKeyPem: publicPem });
    expect(result).toMatchObject({
      status: "failed",
      changed: ["config.json", "model.safetensors"],
      added: [],
      removed: [],
    });
  });
});

describe("tampering", () => {
  it("fails when the envelope's payload is changed, even with the hint removed", async () => {
    const { privatePem, publicPem } = pems("ECDSA P-256");
    const signature = join(dir, "model.sig");
    const { bundle } = await signModel(model, privatePem, { out: signature });
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, "base64").toString());
    statement.predicate.resources[0].digest = "0".repeat(64);
    const forged = {
      ...bundle,
      verificationMaterial: { publicKey: {}, tlogEntries: [] },
      dsseEnvelope: { ...bundle.dsseEnvelope, payload: Buffer.from(JSON.stringify(statement)).toString("base64") },
    };
    await writeFile(signature, JSON.stringify(forged));
    const result = await verifyModel(model, { signaturePath: signature, publicKeyPem: publicPem });
    expect(result).toMatchObject({
      status: "failed",
      reason: "The DSSE signature does not verify with the key given.",
    });
  });

  it("fails on a statement whose subject digest does not match its resources, though validly signed", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const { signBytes } = await import("./keys.js");
    const { pae, IN_TOTO_PAYLOAD_TYPE } = await import("./format.js");
    const signature = join(dir, "model.sig");
    const { bundle } = await signModel(model, privateKey.export({ type: "pkcs8", format: "pem" }).toString());
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, "base64").toString());
    statement.subject[0].digest.sha256 = "1".repeat(64);
    const payload = Buffer.from(JSON.stringify(statement));
    bundle.dsseEnvelope.payload = payload.toString("base64");
    bundle.dsseEnvelope.signatures = [
      { sig: signBytes(privateKey, pae(IN_TOTO_PAYLOAD_TYPE, payload)).toString("base64") },
    ];
    await writeFile(signature, JSON.stringify(bundle));
    const result = await verifyModel(model, {
      signaturePath: signature,
      publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    });
    expect(result.status).toBe("failed");
    expect(result.reason).toMatch(/inconsistent/);
  });

  it("fails, saying why, on a signature file that is not a bundle", async () => {
    const { publicPem } = pems("Ed25519");
    const signature = join(dir, "model.sig");
    await writeFile(signature, '{"mediaType": "text/plain"}');
    const result = await verifyModel(model, { signaturePath: signature, publicKeyPem: publicPem });
    expect(result).toMatchObject({ status: "failed", reason: expect.stringMatching(/Not a Sigstore bundle/) });
    const missing = await verifyModel(model, { signaturePath: join(dir, "nope.sig"), publicKeyPem: publicPem });
    expect(missing.reason).toMatch(/ENOENT/);
  });
});

describe("the written bundle", () => {
  it("has the published shape: v0.3 media type, publicKey hint, empty tlogEntries, in-toto DSSE over the v1.0 predicate", async () => {
    const { privatePem, publicPem } = pems("ECDSA P-256");
    const signature = join(model, "model.sig");
    await signModel(model, privatePem, { out: signature });
    const bundle = parseModelBundle(await readFile(signature, "utf8"));
    expect(Object.keys(bundle)).toEqual(["mediaType", "verificationMaterial", "dsseEnvelope"]);
    expect(bundle.mediaType).toBe("application/vnd.dev.sigstore.bundle.v0.3+json");
    expect(bundle.verificationMaterial).toEqual({ publicKey: { hint: publicKeyHint(publicPem) }, tlogEntries: [] });
    expect(bundle.dsseEnvelope.payloadType).toBe("application/vnd.in-toto+json");
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, "base64").toString());
    expect(statement._type).toBe("https://in-toto.io/Statement/v1");
    expect(statement.subject).toHaveLength(1);
    expect(statement.subject[0].name).toBe("model");
    expect(statement.predicate.serialization).toEqual({
      method: "files",
      hash_type: "sha256",
      allow_symlinks: false,
      ignore_paths: [".git", ".gitattributes", ".github", ".gitignore", "model.sig"],
    });
    expect(statement.predicate.resources.map((r: { name: string }) => r.name)).toEqual([
      "config.json",
      "model.safetensors",
      "tokenizer/vocab.txt",
    ]);
    expect(Object.keys(statement.predicate.resources[0])).toEqual(["name", "algorithm", "digest"]);
  });
});
