import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AimsDatabase } from "@openaims/db";
import type { RunningServer } from "@openaims/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRemoteTarget } from "./testing/remote-target.js";
import { type CliTarget, runCli } from "./testing/run-cli.js";

describe("aims gate check, pass and key against a running server", () => {
  let target: CliTarget;
  let database: AimsDatabase;
  let server: RunningServer;
  let dir: string;
  let readToken: string;
  let writeToken: string;
  let orgId: string;
  let systemId: string;

  const api = (method: string, path: string, body?: object) =>
    fetch(`${server.url}/api/v1/orgs/${orgId}${path}`, {
      method,
      headers: { authorization: `Bearer ${writeToken}`, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const env = (token: string) => ({ AIMS_URL: server.url, AIMS_TOKEN: token });

  beforeAll(async () => {
    ({ target, database, server, orgId, readToken, writeToken } = await startRemoteTarget("Gate Co"));
    dir = await mkdtemp(join(tmpdir(), "aims-gate-"));
    const system = await api("POST", "/systems", {
      name: "Support chatbot",
      ourRole: "provider",
      impactTier: "medium",
      lifecycleStage: "validation",
      autonomy: "advisory",
    });
    expect(system.status).toBe(201);
    systemId = (await system.json()).id;
    const checklist = await api("PUT", "/gate-checklists", {
      stage: "deployment",
      impactTier: "medium",
      checks: [{ kind: "sign_offs", roles: ["owner"] }],
    });
    expect(checklist.status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await target?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it("exits 1 naming what fails, then 0 once the gate passes, with a read token", async () => {
    const failing = await runCli(
      ["gate", "check", "--system", "support-chatbot", "--stage", "deployed"],
      env(readToken),
    );
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain("Gate into deployment for support-chatbot (now validation, medium impact): FAILS");
    expect(failing.stdout).toContain("FAIL  Sign-offs");
    expect(failing.stderr).toContain("Waiting for: Owner.");

    expect((await api("POST", `/systems/${systemId}/gate/sign-offs`, { stage: "deployment" })).status).toBe(201);
    const passing = await runCli(
      ["gate", "check", "--system", "support-chatbot", "--stage", "deployment", "--json"],
      env(readToken),
    );
    expect(passing.stderr).toBe("");
    expect(passing.code).toBe(0);
    expect(JSON.parse(passing.stdout)).toMatchObject({ passed: true, stage: "deployment", checks: [{ passed: true }] });
  });

  it("exits 2 on usage errors, an unknown system included", async () => {
    const noEnv = await runCli(["gate", "check", "--system", "support-chatbot", "--stage", "deployment"], {});
    expect(noEnv.code).toBe(2);
    expect(noEnv.stderr).toContain("AIMS_URL");
    const badStage = await runCli(["gate", "check", "--system", "support-chatbot", "--stage", "live"], env(readToken));
    expect(badStage.code).toBe(2);
    expect(badStage.stderr).toContain("--stage");
    const unknown = await runCli(["gate", "check", "--system", "no-such-bot", "--stage", "deployment"], env(readToken));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no-such-bot");
  });

  it("passes with a write token only, writes an attestation that verifies offline, and fails after one changed byte", async () => {
    const refused = await runCli(
      ["gate", "pass", "--system", "support-chatbot", "--stage", "deployed"],
      env(readToken),
    );
    expect(refused.code).toBe(5);

    const out = join(dir, "release.intoto.json");
    const passed = await runCli(
      ["gate", "pass", "--system", "support-chatbot", "--stage", "deployed", "--out", out],
      env(writeToken),
    );
    expect(passed.stderr).toBe("");
    expect(passed.code).toBe(0);
    expect(passed.stdout).toMatch(/GD-\d+: gate into deployment for support-chatbot: Passed/);
    const system = await (await api("GET", `/systems/${systemId}`)).json();
    expect(system.lifecycleStage).toBe("deployment");

    const keyFile = join(dir, "release-key.pem");
    const key = await runCli(["gate", "key", "--out", keyFile], env(readToken));
    expect(key.code).toBe(0);
    expect(await readFile(keyFile, "utf8")).toMatch(/^-----BEGIN PUBLIC KEY-----/);

    const verified = await runCli(["gate", "verify", out, "--key", keyFile]);
    expect(verified.stderr).toBe("");
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain("subject:   support-chatbot sha256:");

    // One byte of the file changed, inside the signed payload: "deployment" becomes "Deployment".
    const bytes = await readFile(out);
    const envelope = JSON.parse(bytes.toString("utf8"));
    const payload = Buffer.from(envelope.payload, "base64");
    payload[payload.indexOf("deployment")] = "D".charCodeAt(0);
    const changedPayload = payload.toString("base64");
    const at = bytes.indexOf(envelope.payload);
    const differing = [...changedPayload].findIndex((char, i) => char !== envelope.payload[i]);
    expect(changedPayload.length).toBe(envelope.payload.length);
    expect([...changedPayload].filter((char, i) => char !== envelope.payload[i])).toHaveLength(1);
    const changed = join(dir, "changed.json");
    const changedBytes = Buffer.from(bytes);
    changedBytes[at + differing] = changedPayload.charCodeAt(differing);
    await writeFile(changed, changedBytes);
    const broken = await runCli(["gate", "verify", changed, "--key", keyFile]);
    expect(broken.code).toBe(1);
  });

  it("exits 1 when the gate fails on pass, and records the failure", async () => {
    await api("PUT", "/gate-checklists", {
      stage: "operation",
      impactTier: "medium",
      checks: [{ kind: "impact_assessment_current" }],
    });
    const failed = await runCli(
      ["gate", "pass", "--system", "support-chatbot", "--stage", "operation", "--json"],
      env(writeToken),
    );
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({ decision: { result: "failed" }, attestation: null });
  });
});
