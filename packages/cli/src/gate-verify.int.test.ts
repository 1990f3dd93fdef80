import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { IN_TOTO_PAYLOAD_TYPE, signDsse } from "@openaims/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./testing/run-cli.js";

const testdata = (name: string) =>
  fileURLToPath(new URL(`../../core/src/attestations/testdata/${name}`, import.meta.url));

describe("aims gate verify", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "aims-gate-verify-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("verifies an attestation signed elsewhere and names what it attests", async () => {
    const result = await runCli([
      "gate",
      "verify",
      testdata("python-signed.dsse.json"),
      "--key",
      testdata("python-signed.pub.pem"),
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Signature verified (key python-test): application/vnd.in-toto+json");
    expect(result.stdout).toContain(`subject:   support-chatbot sha256:${"a".repeat(64)}`);
  });

  it("exits 1 once one byte of the attestation is changed", async () => {
    const envelope = JSON.parse(await readFile(testdata("python-signed.dsse.json"), "utf8"));
    const payload = Buffer.from(envelope.payload, "base64");
    payload[payload.indexOf("true")] = "T".charCodeAt(0);
    const changed = join(dir, "changed.json");
    await writeFile(changed, JSON.stringify({ ...envelope, payload: payload.toString("base64") }));
    const result = await runCli(["gate", "verify", changed, "--key", testdata("python-signed.pub.pem")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/does not verify: no signature verifies with this key/);
  });

  it("prints JSON, and refuses a key of another organisation", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const file = join(dir, "ours.json");
    const statement = {
      _type: "https://in-toto.io/Statement/v1",
      subject: [],
      predicateType: "https://example.test/p",
    };
    await writeFile(
      file,
      JSON.stringify(signDsse(IN_TOTO_PAYLOAD_TYPE, Buffer.from(JSON.stringify(statement)), privateKey)),
    );
    const keyFile = join(dir, "ours.pem");
    await writeFile(keyFile, publicKey.export({ type: "spki", format: "pem" }));
    const ok = await runCli(["gate", "verify", file, "--key", keyFile, "--json"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({
      ok: true,
      keyid: null,
      payloadType: IN_TOTO_PAYLOAD_TYPE,
      subjects: [],
      predicateType: "https://example.test/p",
    });
    const other = await runCli(["gate", "verify", file, "--key", testdata("python-signed.pub.pem")]);
    expect(other.code).toBe(1);
  });

  it("exits 2 when a file is missing or the key is not an Ed25519 public key", async () => {
    const missing = await runCli([
      "gate",
      "verify",
      join(dir, "nope.json"),
      "--key",
      testdata("python-signed.pub.pem"),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read the attestation .*nope\.json: no such file/);
    const rsaFile = join(dir, "rsa.pem");
    await writeFile(
      rsaFile,
      generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "pem" }),
    );
    const rsa = await runCli(["gate", "verify", testdata("python-signed.dsse.json"), "--key", rsaFile]);
    expect(rsa.code).toBe(2);
    expect(rsa.stderr).toMatch(/is not an Ed25519 public key/);
    const noKey = await runCli(["gate", "verify", testdata("python-signed.dsse.json")]);
    expect(noKey.code).toBe(2);
  });
});
