import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenSystem } from "../evidence/evidence-test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { scanSummary, typicalCases } from "./redteam-test-fixtures.js";

interface Finding {
  id: string;
  caseId: string;
  version: number;
  status: string;
  risk: { id: string; ref: string } | null;
  nonconformity: { id: string; ref: string } | null;
}

describe("red-team findings", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;
  let scan: { id: string; evidence: { id: string; ref: string }; system: { id: string } };
  let findings: Finding[];

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Findings");
    other = await t.addOrg("Other findings");
    await givenSystem(t.db, owner.orgId, "support-bot");
    const res = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/redteam/scans`,
      payload: { system: "support-bot", summary: scanSummary(typicalCases()) },
    });
    scan = res.json();
    const detail = await t.call(owner.token, {
      method: "GET",
      url: `/api/v1/orgs/${owner.orgId}/redteam/scans/${scan.id}`,
    });
    findings = detail.json().findings;
  });
  afterAll(() => t.close());

  const act = (finding: Finding, action: string, payload: object, member: TestMember = owner) =>
    t.call(member.token, {
      method: "POST",
      url: `/api/v1/orgs/${member.orgId}/redteam/findings/${finding.id}/${action}`,
      payload,
    });
  const byCase = (caseId: string) => findings.find((f) => f.caseId === caseId) as Finding;

  it("raises a risk on the system, rated from the severity and linked to the scan's evidence, once", async () => {
    const finding = byCase("TM-001.plain");
    const res = await act(finding, "raise-risk", { version: finding.version });
    expect(res.statusCode, res.body).toBe(200);
    const raised: Finding = res.json();
    expect(raised).toMatchObject({ status: "risk_raised", risk: { ref: "R-1" }, version: finding.version + 1 });

    const risk = (
      await t.call(owner.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/risks/${raised.risk?.id}` })
    ).json();
    expect(risk).toMatchObject({
      title: "Deletes records it was not asked to (TM-001, RT-1)",
      threatId: "tool_misuse",
      inherentRating: "critical",
      system: { id: scan.system.id },
    });
    expect(risk.description).toContain("Red-team scan RT-1");
    const evidence = (
      await t.call(owner.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/evidence/${scan.evidence.id}` })
    ).json();
    expect(evidence.links.map((l: { targetType: string; ref: string }) => `${l.targetType} ${l.ref}`)).toContain(
      "risk R-1",
    );

    const again = await act(finding, "raise-risk", { version: raised.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain("already been raised as a risk (R-1)");
    const nc = await act(finding, "raise-nonconformity", { version: raised.version });
    expect(nc.statusCode).toBe(409);
  });

  it("raises a nonconformity, readable through the nonconformity routes", async () => {
    const finding = byCase("PI-001.plain");
    const stale = await act(finding, "raise-nonconformity", { version: finding.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
    const res = await act(finding, "raise-nonconformity", {
      version: finding.version,
      title: "Prompt injection works",
    });
    expect(res.statusCode, res.body).toBe(200);
    const raised: Finding = res.json();
    expect(raised).toMatchObject({ status: "nonconformity_raised", nonconformity: { ref: "NC-1" } });

    const list = (
      await t.call(owner.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/nonconformities` })
    ).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      ref: "NC-1",
      title: "Prompt injection works",
      source: "redteam_finding",
      sourceId: finding.id,
      severity: "major",
      redteamSeverity: "high",
      status: "open",
      system: { slug: "support-bot" },
      raisedBy: { name: "Test owner" },
    });
    const one = await t.call(owner.token, {
      method: "GET",
      url: `/api/v1/orgs/${owner.orgId}/nonconformities/${raised.nonconformity?.id}`,
    });
    expect(one.json().description).toContain("probe PI-001");
    const foreign = await t.call(other.token, {
      method: "GET",
      url: `/api/v1/orgs/${other.orgId}/nonconformities/${raised.nonconformity?.id}`,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it("dismisses only with a reason, and keeps every step in the audit trail", async () => {
    const second = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/redteam/scans`,
      payload: { system: "support-bot", summary: scanSummary(typicalCases()) },
    });
    const detail = await t.call(owner.token, {
      method: "GET",
      url: `/api/v1/orgs/${owner.orgId}/redteam/scans/${second.json().id}`,
    });
    const finding: Finding = detail.json().findings[0];
    const missing = await act(finding, "dismiss", { version: finding.version });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(["body.reason"]);
    const res = await act(finding, "dismiss", { version: finding.version, reason: "The tool only runs in a sandbox." });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "dismissed", dismissalReason: "The tool only runs in a sandbox." });

    const actions = async (entityType: string) =>
      (
        await t.call(owner.token, {
          method: "GET",
          url: `/api/v1/orgs/${owner.orgId}/audit-trail?entityType=${entityType}&sort=seq&limit=50`,
        })
      )
        .json()
        .items.map((entry: { action: string }) => entry.action);
    expect(await actions("redteam_finding")).toEqual([
      "redteam_finding.risk_raised",
      "redteam_finding.nonconformity_raised",
      "redteam_finding.dismissed",
    ]);
    expect(await actions("nonconformity")).toEqual(["nonconformity.created"]);
    expect(await actions("risk")).toEqual(["risk.created"]);
    expect(await actions("evidence")).toEqual(["evidence.created", "evidence.linked", "evidence.created"]);
  });

  it("answers 404 for another organisation's finding", async () => {
    const finding = byCase("PI-001.plain");
    const res = await act(finding, "dismiss", { version: 1, reason: "not ours to dismiss" }, other);
    expect(res.statusCode).toBe(404);
  });
});
