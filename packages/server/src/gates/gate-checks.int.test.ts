import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeSystemMaterially, completeContent } from "../impact-assessments/impact-assessment-test-data.js";
import { caseResult, scanSummary } from "../redteam/redteam-test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { givenApprovedAssessment, givenChecklist, givenGateSystem } from "./gate-test-data.js";

interface Check {
  kind: string;
  passed: boolean;
  requirement: string;
  finding: string;
}

describe("release gate checks, evaluated from the records", () => {
  let t: TestServer;
  let owner: TestMember;
  let compliance: TestMember;
  let stranger: TestMember;
  const base = (member: TestMember = owner) => `/api/v1/orgs/${member.orgId}`;
  const gate = async (systemId: string, stage = "deployment", member: TestMember = owner) => {
    const res = await t.call(member.token, {
      method: "GET",
      url: `${base(member)}/systems/${systemId}/gate?stage=${stage}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { passed: boolean; checks: Check[]; configured: boolean; stage: string; forward: boolean };
  };
  const check = async (systemId: string, kind: string) => {
    const found = (await gate(systemId)).checks.find((c) => c.kind === kind);
    if (!found) throw new Error(`no ${kind} check`);
    return found;
  };

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Gates");
    compliance = await t.addMember(owner.orgId, "compliance_manager");
    stranger = await t.addOrg("Elsewhere");
  });
  afterAll(() => t.close());

  it("starts from the default checklist per stage and impact tier, stricter as the impact rises", async () => {
    const res = await t.call(owner.token, { method: "GET", url: `${base()}/gate-checklists` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      stage: string;
      impactTier: string;
      checks: { kind: string }[];
      configured: boolean;
    }[];
    expect(items).toHaveLength(5 * 3);
    const kinds = (stage: string, tier: string) =>
      items.find((item) => item.stage === stage && item.impactTier === tier)?.checks.map((c) => c.kind);
    expect(kinds("deployment", "low")).toEqual(["risk_review_recent", "high_risks_accepted", "security_test_recent"]);
    expect(kinds("deployment", "high")).toEqual([
      "risk_review_recent",
      "impact_assessment_current",
      "high_risks_accepted",
      "security_test_recent",
      "sign_offs",
    ]);
    expect(kinds("design", "high")).toEqual([]);
    expect(items.every((item) => !item.configured)).toBe(true);

    const low = await givenGateSystem(t, owner, "Low tier bot", "low");
    const lowGate = await gate(low.id);
    expect(lowGate.checks.map((c) => c.kind)).toEqual(kinds("deployment", "low"));
    expect(lowGate.configured).toBe(false);
    const high = await givenGateSystem(t, owner, "High tier bot", "high");
    const highGate = await gate(high.id);
    expect(highGate.checks).toHaveLength(5);
    expect(highGate.passed).toBe(false);
    expect(highGate.checks.find((c) => c.kind === "sign_offs")?.finding).toBe(
      "Waiting for: Compliance manager and Owner.",
    );
  });

  it("uses the organisation's configured checklist, audited, and refuses a bad one naming the field", async () => {
    await givenChecklist(t, owner, "validation", "low", [{ kind: "impact_assessment_current" }]);
    const system = await givenGateSystem(t, owner, "Configured bot", "low");
    const report = await gate(system.id, "validation");
    expect(report.configured).toBe(true);
    expect(report.checks.map((c) => c.kind)).toEqual(["impact_assessment_current"]);
    const entry = await t.db
      .selectFrom("audit_entries")
      .select("changes")
      .where("org_id", "=", owner.orgId)
      .where("action", "=", "gate.checklist_replaced")
      .executeTakeFirstOrThrow();
    expect(entry.changes.checks?.after).toEqual([{ kind: "impact_assessment_current" }]);

    const bad = await t.call(owner.token, {
      method: "PUT",
      url: `${base()}/gate-checklists`,
      payload: { stage: "deployment", impactTier: "low", checks: [{ kind: "risk_review_recent", maxAgeDays: 0 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("maxAgeDays");
    const noGate = await t.call(owner.token, {
      method: "PUT",
      url: `${base()}/gate-checklists`,
      payload: { stage: "retired", impactTier: "low", checks: [] },
    });
    expect(noGate.statusCode).toBe(409);
  });

  it("fails an impact assessment made stale by a material change, and passes once it is reassessed", async () => {
    const system = await givenGateSystem(t, owner, "Stale bot");
    expect((await check(system.id, "impact_assessment_current")).finding).toBe("The system has no impact assessment.");
    const approved = await givenApprovedAssessment(t, owner, compliance, system.id, completeContent());
    expect(await check(system.id, "impact_assessment_current")).toMatchObject({ passed: true });
    await changeSystemMaterially(t, owner, system.id);
    const stale = await check(system.id, "impact_assessment_current");
    expect(stale.passed).toBe(false);
    expect(stale.finding).toBe(
      `${approved.ref} is stale: the system changed materially after its approval; reassess it.`,
    );
    await givenApprovedAssessment(t, owner, compliance, system.id, completeContent());
    expect(await check(system.id, "impact_assessment_current")).toMatchObject({ passed: true });
  });

  it("fails risks awaiting re-review or reviewed too long ago", async () => {
    const system = await givenGateSystem(t, owner, "Review bot");
    expect(await check(system.id, "risk_review_recent")).toMatchObject({
      passed: true,
      finding: "The system has no open risks.",
    });
    const risk = (
      await t.call(owner.token, {
        method: "POST",
        url: `${base()}/risks`,
        payload: { title: "Leaks personal data", systemId: system.id },
      })
    ).json();
    expect(await check(system.id, "risk_review_recent")).toMatchObject({ passed: true });
    // A material change asks for the risk to be reviewed again (the change-control module sets this).
    await t.db.updateTable("risks").set({ rereview_requested_at: new Date() }).where("id", "=", risk.id).execute();
    expect(await check(system.id, "risk_review_recent")).toMatchObject({
      passed: false,
      finding: `To review: ${risk.ref} (changed materially since its review).`,
    });
    const longAgo = new Date(Date.now() - 200 * 86_400_000);
    await t.db
      .updateTable("risks")
      .set({ rereview_requested_at: null, reviewed_at: longAgo })
      .where("id", "=", risk.id)
      .execute();
    expect((await check(system.id, "risk_review_recent")).finding).toBe(
      `To review: ${risk.ref} (last reviewed ${longAgo.toISOString().slice(0, 10)}).`,
    );
  });

  it("fails a high risk without a current acceptance, and passes once it is accepted", async () => {
    const system = await givenGateSystem(t, owner, "Risky bot");
    const risk = (
      await t.call(owner.token, {
        method: "POST",
        url: `${base()}/risks`,
        payload: { title: "Gives wrong credit advice", systemId: system.id, inherentLikelihood: 5, inherentImpact: 5 },
      })
    ).json();
    expect(await check(system.id, "high_risks_accepted")).toMatchObject({
      passed: false,
      finding: `Open high or critical risks without a current acceptance: ${risk.ref} (Critical).`,
    });
    const accepted = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/risks/${risk.id}/accept`,
      payload: {
        version: risk.version,
        rationale: "Mitigated by human review of every answer.",
        expiresOn: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
      },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await check(system.id, "high_risks_accepted")).toMatchObject({ passed: true });
  });

  it("fails without a recent security test or with an open finding at the blocking severity", async () => {
    const system = await givenGateSystem(t, owner, "Scanned bot");
    expect((await check(system.id, "security_test_recent")).finding).toBe("The system has no finished security test.");
    const upload = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/redteam/scans`,
      payload: {
        system: system.slug,
        summary: scanSummary([
          caseResult({ caseId: "PI-001.plain", severity: "high" }),
          caseResult({ caseId: "PI-002.plain", severity: "low" }),
        ]),
      },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const scan = upload.json();
    const blocked = await check(system.id, "security_test_recent");
    expect(blocked).toMatchObject({
      passed: false,
      finding: `${scan.ref} has 1 open finding of high severity or worse.`,
    });

    const detail = (await t.call(owner.token, { method: "GET", url: `${base()}/redteam/scans/${scan.id}` })).json();
    const high = detail.findings.find((f: { severity: string }) => f.severity === "high");
    const dismissed = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/redteam/findings/${high.id}/dismiss`,
      payload: {
        reason: "The probe's marker appears in a quoted example, not in an instruction followed.",
        version: high.version,
      },
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(await check(system.id, "security_test_recent")).toMatchObject({ passed: true });

    await t.db
      .updateTable("redteam_scans")
      .set({ finished_at: new Date(Date.now() - 100 * 86_400_000) })
      .where("id", "=", scan.id)
      .execute();
    expect((await check(system.id, "security_test_recent")).finding).toMatch(/100 days ago\.$/);
  });

  it("counts a sign-off in the signer's role until the system changes materially", async () => {
    const system = await givenGateSystem(t, owner, "Signed bot");
    expect((await check(system.id, "sign_offs")).finding).toBe("Waiting for: Compliance manager.");
    const signed = await t.call(compliance.token, {
      method: "POST",
      url: `${base()}/systems/${system.id}/gate/sign-offs`,
      payload: { stage: "deployed", note: "Release notes read." },
    });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json()).toMatchObject({
      stage: "deployment",
      role: "compliance_manager",
      note: "Release notes read.",
    });
    const report = await gate(system.id);
    expect(report.checks.find((c) => c.kind === "sign_offs")).toMatchObject({ passed: true });
    expect((report as unknown as { signOffs: unknown[] }).signOffs).toHaveLength(1);
    const entry = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("entity_id", "=", system.id)
      .where("action", "=", "gate.signed_off")
      .executeTakeFirst();
    expect(entry).toBeDefined();

    await changeSystemMaterially(t, owner, system.id);
    expect(await check(system.id, "sign_offs")).toMatchObject({ passed: false });
  });

  it("accepts deployed for deployment, refuses an unknown stage, and answers 404 across organisations", async () => {
    const system = await givenGateSystem(t, owner, "Alias bot");
    expect((await gate(system.id, "deployed")).stage).toBe("deployment");
    const next = await t.call(owner.token, { method: "GET", url: `${base()}/systems/${system.id}/gate` });
    expect(next.json()).toMatchObject({ stage: "validation", forward: true });
    // A system already in operation is checked again for operation, before another release.
    const live = (
      await t.call(owner.token, {
        method: "POST",
        url: `${base()}/systems`,
        payload: {
          name: "Live bot",
          ourRole: "deployer",
          impactTier: "low",
          lifecycleStage: "operation",
          autonomy: "advisory",
        },
      })
    ).json();
    const again = await t.call(owner.token, { method: "GET", url: `${base()}/systems/${live.id}/gate` });
    expect(again.json()).toMatchObject({ stage: "operation", fromStage: "operation", forward: false });
    expect(again.json().checks.map((c: Check) => c.kind)).toContain("security_test_recent");
    const bad = await t.call(owner.token, { method: "GET", url: `${base()}/systems/${system.id}/gate?stage=live` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("Deployed");
    const foreign = await t.call(stranger.token, {
      method: "GET",
      url: `${base(stranger)}/systems/${system.id}/gate?stage=deployment`,
    });
    expect(foreign.statusCode).toBe(404);
  });
});
