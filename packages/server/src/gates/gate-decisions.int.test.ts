import { createPublicKey } from "node:crypto";
import { IN_TOTO_PAYLOAD_TYPE, verifyDsse } from "@openaims/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { givenChecklist, givenGateSystem } from "./gate-test-data.js";

describe("release gate decisions", () => {
  let t: TestServer;
  let owner: TestMember;
  let compliance: TestMember;
  let admin: TestMember;
  let contributor: TestMember;
  let stranger: TestMember;
  let readToken: string;
  const base = (member: TestMember = owner) => `/api/v1/orgs/${member.orgId}`;
  const call = (member: TestMember | string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    t.call(typeof member === "string" ? member : member.token, { method, url: `${base()}${url}`, payload });
  const decide = (systemId: string, stage = "deployment", member: TestMember | string = owner) =>
    call(member, "POST", `/systems/${systemId}/gate/decisions`, { stage });
  const stageOf = async (systemId: string) => (await call(owner, "GET", `/systems/${systemId}`)).json().lifecycleStage;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Decisions");
    compliance = await t.addMember(owner.orgId, "compliance_manager");
    admin = await t.addMember(owner.orgId, "admin");
    contributor = await t.addMember(owner.orgId, "contributor");
    stranger = await t.addOrg("Elsewhere");
    const token = await call(owner, "POST", "/tokens", { name: "pipeline", scope: "read" });
    expect(token.statusCode, token.body).toBe(201);
    readToken = token.json().secret;
    // Into deployment, medium-tier systems need the compliance manager's sign-off only.
    await givenChecklist(t, owner, "deployment", "medium", [{ kind: "sign_offs", roles: ["compliance_manager"] }]);
  });
  afterAll(() => t.close());

  it("refuses a forward stage change through the inventory, naming the gate, and allows moving back and retiring", async () => {
    const system = await givenGateSystem(t, owner, "Patched bot");
    const forward = await call(owner, "PATCH", `/systems/${system.id}`, { lifecycleStage: "validation", version: 1 });
    expect(forward.statusCode).toBe(409);
    expect(forward.json().error.code).toBe("illegal_transition");
    expect(forward.json().error.message).toContain("/gate/decisions");
    expect(forward.json().error.message).toContain(`aims gate pass --system ${system.slug} --stage validation`);
    expect(await stageOf(system.id)).toBe("development");

    const back = await call(owner, "PATCH", `/systems/${system.id}`, { lifecycleStage: "design", version: 1 });
    expect(back.statusCode, back.body).toBe(200);
    const entry = await t.db
      .selectFrom("audit_entries")
      .select("changes")
      .where("entity_id", "=", system.id)
      .where("action", "=", "system.updated")
      .executeTakeFirstOrThrow();
    expect(entry.changes).toMatchObject({ lifecycleStage: { before: "development", after: "design" } });
    const retire = await call(owner, "PATCH", `/systems/${system.id}`, { lifecycleStage: "retired", version: 2 });
    expect(retire.statusCode, retire.body).toBe(200);
  });

  it("refuses an import that moves a system forward, and applies nothing", async () => {
    const system = await givenGateSystem(t, owner, "Imported bot");
    const csv = (await call(owner, "GET", "/systems/export?format=csv")).body;
    const moved = csv
      .split("\n")
      .map((line) => (line.includes(system.slug) ? line.replace(",development,", ",deployment,") : line))
      .join("\n");
    expect(moved).not.toBe(csv);
    const res = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/systems/import?dryRun=false&format=csv`,
      headers: { "content-type": "text/csv" },
      payload: Buffer.from(moved, "utf8"),
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.message).toContain("/gate/decisions");
    expect(await stageOf(system.id)).toBe("development");
  });

  it("records a failed decision without moving the system, and a passed one that moves it", async () => {
    const system = await givenGateSystem(t, owner, "Released bot");
    const failed = await decide(system.id, "deployed");
    expect(failed.statusCode, failed.body).toBe(201);
    expect(failed.json()).toMatchObject({
      result: "failed",
      fromStage: "development",
      toStage: "deployment",
      system: { slug: system.slug },
      snapshot: {
        passed: false,
        checks: [{ kind: "sign_offs", passed: false, finding: "Waiting for: Compliance manager." }],
      },
    });
    expect(failed.json().snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await stageOf(system.id)).toBe("development");

    await call(compliance, "POST", `/systems/${system.id}/gate/sign-offs`, { stage: "deployment" });
    const passed = await decide(system.id);
    expect(passed.statusCode, passed.body).toBe(201);
    expect(passed.json()).toMatchObject({
      result: "passed",
      snapshot: { facts: { signOffs: [{ role: "compliance_manager" }] } },
    });
    expect(await stageOf(system.id)).toBe("deployment");
    const actions = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("org_id", "=", owner.orgId)
      .where("action", "in", ["gate.failed", "gate.passed", "system.stage_changed", "gate.release_key_created"])
      .orderBy("seq")
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      "gate.failed",
      "gate.passed",
      "gate.release_key_created",
      "system.stage_changed",
    ]);

    const list = await call(readToken, "GET", `/systems/${system.id}/gate/decisions`);
    expect(list.json().items.map((d: { result: string }) => d.result)).toEqual(["passed", "failed"]);
    const orgList = await call(owner, "GET", `/gate-decisions?result=passed&systemId=${system.id}`);
    expect(orgList.json().items).toHaveLength(1);
    // Deciding again for the stage the system is in (or an earlier one) re-checks it before another
    // release without moving it; retiring has no gate.
    expect((await decide(system.id)).json()).toMatchObject({ result: "passed", fromStage: "deployment" });
    const earlier = await decide(system.id, "validation");
    expect(earlier.json()).toMatchObject({ fromStage: "deployment", toStage: "validation" });
    expect(await stageOf(system.id)).toBe("deployment");
    expect((await decide(system.id, "retired")).statusCode).toBe(409);
  });
  it("never changes or deletes a recorded decision", async () => {
    const system = await givenGateSystem(t, owner, "Immutable bot");
    const decision = (await decide(system.id)).json();
    await expect(
      t.db.updateTable("gate_decisions").set({ result: "passed" }).where("id", "=", decision.id).execute(),
    ).rejects.toThrow(/cannot be changed or deleted/);
    await expect(t.db.deleteFrom("gate_decisions").where("id", "=", decision.id).execute()).rejects.toThrow(
      /cannot be changed or deleted/,
    );
    const again = (await call(owner, "GET", `/gate-decisions/${decision.id}`)).json();
    expect(again).toEqual(decision);
  });

  it("lets a read token check but not decide, and answers 404 for another organisation's system", async () => {
    const system = await givenGateSystem(t, owner, "Read bot");
    const check = await call(readToken, "GET", `/systems/${system.id}/gate?stage=deployment`);
    expect(check.statusCode).toBe(200);
    expect((await decide(system.id, "deployment", readToken)).statusCode).toBe(403);
    const foreign = await t.call(stranger.token, {
      method: "POST",
      url: `${base(stranger)}/systems/${system.id}/gate/decisions`,
      payload: { stage: "deployment" },
    });
    expect(foreign.statusCode).toBe(404);
    expect(
      (await t.call(stranger.token, { method: "GET", url: `${base(stranger)}/systems/${system.id}/gate` })).statusCode,
    ).toBe(404);
  });

  it("needs a second member to approve an override, which then moves the system", async () => {
    const system = await givenGateSystem(t, owner, "Overridden bot");
    const reason = "The regulator's deadline is today; the sign-off follows tomorrow morning.";
    const byContributor = await call(contributor, "POST", `/systems/${system.id}/gate/overrides`, {
      stage: "deployment",
      reason,
    });
    expect(byContributor.statusCode).toBe(403);
    const requested = await call(compliance, "POST", `/systems/${system.id}/gate/overrides`, {
      stage: "deployment",
      reason,
    });
    expect(requested.statusCode, requested.body).toBe(201);
    const override = requested.json();
    expect(override).toMatchObject({ status: "requested", fromStage: "development", toStage: "deployment", reason });
    expect((await call(owner, "GET", `/gate-decisions/${override.failedDecisionId}`)).json().result).toBe("failed");
    expect((await call(owner, "GET", `/systems/${system.id}/gate?stage=deployment`)).json().pendingOverride.id).toBe(
      override.id,
    );

    const own = await call(compliance, "POST", `/gate-overrides/${override.id}/approve`, { version: override.version });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe("segregation_of_duties");
    expect(own.json().error.message).toContain(`you wrote gate override ${override.ref}`);
    expect(await stageOf(system.id)).toBe("development");

    const approved = await call(admin, "POST", `/gate-overrides/${override.id}/approve`, { version: override.version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: "approved", approvedBy: expect.stringContaining(admin.email) });
    expect(await stageOf(system.id)).toBe("deployment");
    const decision = (await call(owner, "GET", `/gate-decisions/${approved.json().decisionId}`)).json();
    expect(decision).toMatchObject({
      result: "overridden",
      snapshot: { passed: false, override: { ref: override.ref, reason } },
    });
    const twice = await call(admin, "POST", `/gate-overrides/${override.id}/approve`, { version: 2 });
    expect(twice.statusCode).toBe(409);
    expect((await call(owner, "GET", "/gate-overrides?status=approved")).json().items).toHaveLength(1);
  });

  it("refuses to override a passing gate and withdraws an override awaiting approval", async () => {
    const system = await givenGateSystem(t, owner, "Withdrawn bot");
    const reason = "Needed before the end of the quarter.";
    const requested = (
      await call(compliance, "POST", `/systems/${system.id}/gate/overrides`, { stage: "deployment", reason })
    ).json();
    const again = await call(admin, "POST", `/systems/${system.id}/gate/overrides`, { stage: "deployment", reason });
    expect(again.statusCode).toBe(409);
    const withdrawn = await call(compliance, "POST", `/gate-overrides/${requested.id}/withdraw`, { version: 1 });
    expect(withdrawn.json().status).toBe("withdrawn");
    await call(compliance, "POST", `/systems/${system.id}/gate/sign-offs`, { stage: "deployment" });
    const passing = await call(compliance, "POST", `/systems/${system.id}/gate/overrides`, {
      stage: "deployment",
      reason,
    });
    expect(passing.statusCode).toBe(409);
    expect(passing.json().error.message).toContain("passes");
  });

  it("issues a passed decision as a signed attestation that verifies with the public key, and no longer after one changed byte", async () => {
    const system = await givenGateSystem(t, owner, "Attested bot");
    const failed = (await decide(system.id)).json();
    const refused = await call(readToken, "GET", `/gate-decisions/${failed.id}/attestation`);
    expect(refused.statusCode).toBe(409);
    await call(compliance, "POST", `/systems/${system.id}/gate/sign-offs`, { stage: "deployment" });
    const passed = (await decide(system.id)).json();

    const key = await t.app.inject({ method: "GET", url: `${base()}/.well-known/release-key.pem` });
    expect(key.statusCode).toBe(200);
    expect(key.body).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const publicKey = createPublicKey(key.body);
    const stored = await t.db
      .selectFrom("org_signing_keys")
      .selectAll()
      .where("org_id", "=", owner.orgId)
      .executeTakeFirstOrThrow();
    expect(stored.private_key_sealed).toMatch(/^v1:/);
    expect(t.logs.join("")).not.toContain(stored.private_key_sealed);

    const res = await call(readToken, "GET", `/gate-decisions/${passed.id}/attestation`);
    expect(res.statusCode, res.body).toBe(200);
    const envelope = res.json();
    expect(envelope.payloadType).toBe(IN_TOTO_PAYLOAD_TYPE);
    const verified = verifyDsse(envelope, publicKey);
    expect(verified.valid).toBe(true);
    const statement = JSON.parse(Buffer.from(envelope.payload, "base64").toString("utf8"));
    expect(statement).toMatchObject({
      _type: "https://in-toto.io/Statement/v1",
      subject: [{ name: system.slug, digest: { sha256: passed.snapshotSha256 } }],
      predicate: {
        organization: { id: owner.orgId },
        system: { id: system.id, slug: system.slug },
        decision: { id: passed.id, ref: passed.ref, result: "passed" },
        stage: { from: "development", to: "deployment" },
        decidedBy: passed.decidedBy,
      },
    });
    expect(envelope.signatures[0].keyid).toBe(stored.key_id);

    const payload = Buffer.from(envelope.payload, "base64");
    payload[payload.indexOf("passed")] = "P".charCodeAt(0);
    expect(verifyDsse({ ...envelope, payload: payload.toString("base64") }, publicKey).valid).toBe(false);

    const unknown = await t.app.inject({ method: "GET", url: `${base(stranger)}/.well-known/release-key.pem` });
    expect(unknown.statusCode).toBe(404);
  });
});
