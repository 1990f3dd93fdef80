import { generateKeyPairSync } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { modelSignatureResultSchema } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPki, signModelKeylessForTest } from "../../modelscan/src/signing/testing/test-pki.js";
import { runCli } from "./testing/run-cli.js";

/** `aims model hash | sign | verify | provenance` on a model folder made here: exit codes and files named. */

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "aims-model-sign-"));
  await mkdir(join(work, "model", "shards"), { recursive: true });
  await writeFile(join(work, "model", "config.json"), '{"architectures": ["Tiny"]}');
  await writeFile(join(work, "model", "shards", "model-00001-of-00002.safetensors"), Buffer.alloc(10_000, 1));
  await writeFile(join(work, "model", "shards", "model-00002-of-00002.safetensors"), Buffer.alloc(5_000, 2));
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  await writeFile(join(work, "signer.key"), privateKey.export({ type: "pkcs8", format: "pem" }));
  await writeFile(join(work, "signer.pub"), publicKey.export({ type: "spki", format: "pem" }));
  const other = generateKeyPairSync("ed25519");
  await writeFile(join(work, "other.pub"), other.publicKey.export({ type: "spki", format: "pem" }));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const aims = (args: string[]) => runCli(["model", ...args], {}, { cwd: work });

describe("aims model sign and verify", () => {
  it("a signed model folder verifies (exit 0), then one changed byte fails it naming the file (exit 1)", async () => {
    const signed = await aims(["sign", "model", "--key", "signer.key", "--out", "model/model.sig"]);
    expect(signed.stderr).toBe("");
    expect(signed.code).toBe(0);
    expect(signed.stdout).toMatch(/^Signed 3 file\(s\) of 'model'/);

    const ok = await aims(["verify", "model", "--signature", "model/model.sig", "--key", "signer.pub"]);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(
      /^Verified: the model matches its signature \(https:\/\/model_signing\/signature\/v1\.0\)/,
    );

    const shard = join(work, "model", "shards", "model-00002-of-00002.safetensors");
    const bytes = await readFile(shard);
    bytes[4321] = 9;
    await writeFile(shard, bytes);
    const changed = await aims(["verify", "model", "--signature", "model/model.sig", "--key", "signer.pub"]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain("changed: shards/model-00002-of-00002.safetensors");
    expect(changed.stdout).not.toContain("model-00001-of-00002");
    expect(changed.stderr).toMatch(/changed since signing: shards\/model-00002-of-00002\.safetensors/);

    await writeFile(join(work, "model", "extra.py"), "import os");
    const json = await aims([
      "verify",
      "model",
      "--signature",
      "model/model.sig",
      "--key",
      "signer.pub",
      "--format",
      "json",
    ]);
    expect(json.code).toBe(1);
    const result = modelSignatureResultSchema.parse(JSON.parse(json.stdout));
    expect(result).toMatchObject({
      status: "failed",
      changed: ["shards/model-00002-of-00002.safetensors"],
      added: ["extra.py"],
      removed: [],
    });

    const wrongKey = await aims(["verify", "model", "--signature", "model/model.sig", "--key", "other.pub"]);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/Key mismatch/);
  });

  it("exits 2 for both or neither of --key and --certificate-identity, and names a missing file", async () => {
    const both = await aims([
      "verify",
      "model",
      "--signature",
      "model/model.sig",
      "--key",
      "signer.pub",
      "--certificate-identity",
      "a@example.test",
      "--certificate-oidc-issuer",
      "https://issuer.example.test",
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/either --key, or --certificate-identity/);
    const neither = await aims(["verify", "model", "--signature", "model/model.sig"]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/Give --key PUBKEY, or --certificate-identity/);
    const missing = await aims(["verify", "model", "--signature", "nowhere.sig", "--key", "signer.pub"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--signature: 'nowhere\.sig' does not exist/);
    const noRoot = await aims([
      "verify",
      "model",
      "--signature",
      "model/model.sig",
      "--certificate-identity",
      "a@example.test",
      "--certificate-oidc-issuer",
      "https://issuer.example.test",
    ]);
    expect(noRoot.code).toBe(2);
    expect(noRoot.stderr).toMatch(/needs --trust-root trusted_root\.json/);
  });

  it("verifies keyless against a trust root file: exit 0 for the identity signed, 1 for another", async () => {
    await mkdir(join(work, "keyless"));
    await writeFile(join(work, "keyless", "weights.bin"), Buffer.alloc(3000, 5));
    const pki = createTestPki();
    const bundle = await signModelKeylessForTest(join(work, "keyless"), pki, {
      email: "ml-release@example.test",
      oidcIssuer: "https://issuer.example.test",
    });
    await writeFile(join(work, "keyless.sig"), JSON.stringify(bundle));
    await writeFile(join(work, "trusted_root.json"), pki.trustedRootJson);
    const keyless = (identity: string) =>
      aims([
        "verify",
        "keyless",
        "--signature",
        "keyless.sig",
        "--certificate-identity",
        identity,
        "--certificate-oidc-issuer",
        "https://issuer.example.test",
        "--trust-root",
        "trusted_root.json",
      ]);
    const ok = await keyless("ml-release@example.test");
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("signer: ml-release@example.test (issuer https://issuer.example.test)");
    const other = await keyless("someone-else@example.test");
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(/Verification FAILED/);
  });

  it("hashes a model into a JSON or sha256sum-style manifest", async () => {
    const json = await aims(["hash", "model", "--out", "manifest.json"]);
    expect(json.code).toBe(0);
    expect(json.stdout).toMatch(/^Hashed 5 file\(s\)/);
    const manifest = JSON.parse(await readFile(join(work, "manifest.json"), "utf8"));
    expect(manifest.files.map((f: { name: string }) => f.name)).toEqual([
      "config.json",
      "extra.py",
      "model.sig",
      "shards/model-00001-of-00002.safetensors",
      "shards/model-00002-of-00002.safetensors",
    ]);
    const text = await aims(["hash", "model/config.json", "--format", "text"]);
    expect(text.stdout).toMatch(/^[0-9a-f]{64} {2}\.\n$/);
  });

  it("shows provenance found next to the model", async () => {
    const statement = {
      _type: "https://in-toto.io/Statement/v1",
      subject: [{ name: "model", digest: { sha256: "0".repeat(64) } }],
      predicateType: "https://slsa.dev/provenance/v1",
      predicate: {
        buildDefinition: { buildType: "https://example.test/train/v1", resolvedDependencies: [] },
        runDetails: { builder: { id: "https://ci.example.test/runner" } },
      },
    };
    await writeFile(join(work, "model", "train.provenance.json"), JSON.stringify(statement));
    const shown = await aims(["provenance", "model"]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("train.provenance.json: https://slsa.dev/provenance/v1 (unverified");
    expect(shown.stdout).toContain("builder:    https://ci.example.test/runner");
  });
});
