import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenSystem } from "../evidence/evidence-test-fixtures.js";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { caseResult, scanSummary, typicalCases } from "./redteam-test-fixtures.js";

describe("red-team scans", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;
  let viewer: TestMember;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Scanned");
    other = await t.addOrg("Elsewhere");
    viewer = await t.addMember(owner.orgId, "viewer");
    await givenSystem(t.db, owner.orgId, "support-bot");
    await givenSystem(t.db, other.orgId, "their-bot");
  });
  afterAll(() => t.close());

  const base = (member: TestMember = owner) => `/api/v1/orgs/${member.orgId}`;
  const upload = (payload: unknown, member: TestMember = owner) =>
    t.call(member.token, { method: "POST", url: `${base(member)}/redteam/scans`, payload: payload as object });
  const controlId = async (ref: string) =>
    (
      await t.db
        .selectFrom("controls")
        .select("id")
        .where("org_id", "=", owner.orgId)
        .where("ref", "=", ref)
        .executeTakeFirstOrThrow()
    ).id;

  it("records a scan, its findings and one evidence record linked to the system and the tested controls", async () => {
    const before = await t.call(owner.token, {
      method: "GET",
      url: `${base()}/controls/${await controlId("A.6.2.4")}`,
    });
    expect(before.json().evidence.state).toBe("missing");

    const res = await upload({ system: "support-bot", summary: scanSummary(typicalCases()) });
    expect(res.statusCode, res.body).toBe(201);
    const scan = res.json();
    expect(scan).toMatchObject({
      ref: "RT-1",
      status: "completed",
      origin: "cli",
      system: { slug: "support-bot" },
      pack: { id: "default", version: "2026.11.0" },
      seed: 424242,
      totals: { cases: 4, vulnerable: 2, notObserved: 1, inconclusive: 1, error: 0 },
      vulnerableBySeverity: { high: 1, critical: 1, medium: 0 },
      transcriptSha256: "c".repeat(64),
      report: null,
      evidence: { ref: "E-1" },
    });
    expect(scan.summarySha256).toMatch(/^[0-9a-f]{64}$/);

    const evidence = (
      await t.call(owner.token, { method: "GET", url: `${base()}/evidence/${scan.evidence.id}` })
    ).json();
    expect(evidence).toMatchObject({
      kind: "record",
      source: "engine",
      title: "Red-team scan RT-1 of System support-bot: 2 vulnerable of 4",
      state: "current",
    });
    expect(evidence.body).toContain("default 2026.11.0");
    expect(evidence.body).toContain(scan.summarySha256);
    expect(
      evidence.links.map((link: { targetType: string; ref: string }) => `${link.targetType} ${link.ref}`).sort(),
    ).toEqual(["clause 6.1.2", "control A.6.2.4", "control A.9.2", "system support-bot"]);

    const after = await t.call(owner.token, { method: "GET", url: `${base()}/controls/${await controlId("A.6.2.4")}` });
    expect(after.json().evidence).toMatchObject({ state: "current", refs: ["E-1"] });

    const detail = (await t.call(viewer.token, { method: "GET", url: `${base()}/redteam/scans/${scan.id}` })).json();
    expect(detail.findings.map((f: { caseId: string; severity: string }) => [f.caseId, f.severity])).toEqual([
      ["TM-001.plain", "critical"],
      ["PI-001.plain", "high"],
    ]);
    expect(detail.findings[1]).toMatchObject({ status: "open", detail: "marker: the trigger marker came back" });
    expect(detail.byCategory.tool_misuse).toEqual({
      cases: 1,
      vulnerable: 1,
      blocked: 0,
      notObserved: 0,
      inconclusive: 0,
      error: 0,
    });
    expect(detail.byCategory.api_abuse.cases).toBe(0);

    const audit = await t.call(owner.token, {
      method: "GET",
      url: `${base()}/audit-trail?entityId=${scan.id}`,
    });
    expect(audit.json().items.map((entry: { action: string }) => entry.action)).toEqual(["redteam_scan.recorded"]);
  });

  it("marks an interrupted run partial", async () => {
    const res = await upload({
      system: "support-bot",
      summary: scanSummary([caseResult({ caseId: "PI-001.plain", verdict: "not_observed" })], {
        complete: false,
        problems: ["interrupted"],
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: "partial", problems: ["interrupted"], totals: { vulnerable: 0 } });
  });

  it("refuses text the database cannot store and times out of range, naming the field", async () => {
    const summary = scanSummary(typicalCases());
    const withNul = await upload({
      system: "support-bot",
      summary: { ...summary, cases: [{ ...summary.cases[0], title: "a\u0000b" }, ...summary.cases.slice(1)] },
    });
    expect(withNul.statusCode).toBe(400);
    expect(withNul.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(
      "body.summary.cases.0.title",
    );
    const yearZero = await upload({
      system: "support-bot",
      summary: { ...summary, startedAt: "0000-01-01T00:00:00Z" },
    });
    expect(yearZero.statusCode).toBe(400);
    expect(invalidFieldLines(yearZero)).toContain("body.summary.startedAt");
  });

  it("refuses a summary that does not add up, naming the field, and stores nothing", async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom("redteam_scans")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const summary = scanSummary(typicalCases());
    const wrongTotals = await upload({
      system: "support-bot",
      summary: { ...summary, totals: { ...summary.totals, vulnerable: 9 } },
    });
    expect(wrongTotals.statusCode).toBe(400);
    expect(invalidFieldLines(wrongTotals)).toContain("body.summary.totals");
    const badSeverity = await upload({
      system: "support-bot",
      summary: { ...summary, cases: [{ ...summary.cases[0], severity: "catastrophic" }, ...summary.cases.slice(1)] },
    });
    expect(badSeverity.statusCode).toBe(400);
    expect(badSeverity.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(
      "body.summary.cases.0.severity",
    );
    expect(await count()).toBe(before);
  });

  it("accepts a summary of a thousand cases, larger than the server's default body limit", async () => {
    const detectors = [{ kind: "echo" as const, outcome: "clear" as const, detail: "d".repeat(1500) }];
    const cases = Array.from({ length: 1000 }, (_, index) =>
      caseResult({
        caseId: `PI-${String(index).padStart(3, "0")}.plain`,
        verdict: index % 10 === 0 ? "vulnerable" : "not_observed",
        detectors,
      }),
    );
    const payload = { system: "support-bot", summary: scanSummary(cases) };
    expect(JSON.stringify(payload).length).toBeGreaterThan(t.config.bodyLimitBytes);
    const res = await upload(payload);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(res.json().totals).toMatchObject({ cases: 1000, vulnerable: 100 });
  });

  it("answers 404 for another organisation's system or scan", async () => {
    const theirs = await upload({ system: "their-bot", summary: scanSummary(typicalCases()) }, other);
    expect(theirs.statusCode).toBe(201);
    expect((await upload({ system: "their-bot", summary: scanSummary(typicalCases()) })).statusCode).toBe(404);
    const read = await t.call(owner.token, { method: "GET", url: `${base()}/redteam/scans/${theirs.json().id}` });
    expect(read.statusCode).toBe(404);
    const list = await t.call(owner.token, { method: "GET", url: `${base()}/redteam/scans?system=their-bot` });
    expect(list.statusCode).toBe(404);
  });

  it("lists scans newest first in pages, and a trend per system", async () => {
    const first = await t.call(owner.token, {
      method: "GET",
      url: `${base()}/redteam/scans?system=support-bot&limit=2`,
    });
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.items.map((s: { ref: string }) => s.ref)).toEqual(["RT-3", "RT-2"]);
    const second = (
      await t.call(owner.token, {
        method: "GET",
        url: `${base()}/redteam/scans?system=support-bot&limit=2&cursor=${encodeURIComponent(page.nextCursor)}`,
      })
    ).json();
    expect(second.items.map((s: { ref: string }) => s.ref)).toEqual(["RT-1"]);
    expect(second.nextCursor).toBeNull();

    const systemId = page.items[0].system.id;
    const trend = (
      await t.call(viewer.token, { method: "GET", url: `${base()}/systems/${systemId}/redteam-trend` })
    ).json();
    expect(trend.points.map((p: { ref: string; vulnerable: number }) => [p.ref, p.vulnerable])).toEqual([
      ["RT-1", 2],
      ["RT-2", 0],
      ["RT-3", 100],
    ]);
    expect(trend.points[0].vulnerableBySeverity).toEqual({ info: 0, low: 0, medium: 0, high: 1, critical: 1 });
  });

  it("records a summary once per system", async () => {
    const summary = scanSummary(typicalCases());
    expect((await upload({ system: "support-bot", summary })).statusCode).toBe(201);
    const again = await upload({ system: "support-bot", summary });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/already recorded for 'System support-bot' as scan RT-\d+/);
  });

  it("lets viewers read but not upload", async () => {
    const res = await upload({ system: "support-bot", summary: scanSummary(typicalCases()) }, viewer);
    expect(res.statusCode).toBe(403);
  });

  it("keeps a scan in which no case reached a verdict as failed, with no evidence", async () => {
    const res = await upload({
      system: "support-bot",
      summary: scanSummary(
        [
          caseResult({ caseId: "PI-001.plain", verdict: "error", note: "connection refused" }),
          caseResult({ caseId: "PI-002.plain", verdict: "inconclusive" }),
        ],
        { complete: false, problems: ["Stopped after 10 cases in a row could not reach the target."] },
      ),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: "failed", evidence: null });
    const trend = await t.call(owner.token, {
      method: "GET",
      url: `${base()}/systems/${res.json().system.id}/redteam-trend`,
    });
    expect(trend.json().points.map((p: { ref: string }) => p.ref)).not.toContain(res.json().ref);
  });

  it("stores cases blocked by policy, counts them per category and says so in the evidence", async () => {
    const cases = [
      caseResult({ caseId: "UA-002.plain", category: "unsafe_automation", verdict: "blocked", blockedBy: ["tools.x"] }),
      caseResult({ caseId: "TM-006.plain", category: "tool_misuse", verdict: "blocked", blockedBy: ["tools.y"] }),
      caseResult({ caseId: "PI-009.plain" }),
    ];
    const res = await upload({ system: "support-bot", summary: scanSummary(cases) });
    expect(res.statusCode, res.body).toBe(201);
    const scan = res.json();
    expect(scan.totals).toEqual({ cases: 3, vulnerable: 1, blocked: 2, notObserved: 0, inconclusive: 0, error: 0 });
    const detail = (await t.call(viewer.token, { method: "GET", url: `${base()}/redteam/scans/${scan.id}` })).json();
    expect(detail.byCategory.tool_misuse).toMatchObject({ cases: 1, blocked: 1, vulnerable: 0 });
    expect(detail.byCategory.unsafe_automation).toMatchObject({ cases: 1, blocked: 1 });
    // Blocked cases are tested, not findings.
    expect(detail.findings.map((f: { caseId: string }) => f.caseId)).toEqual(["PI-009.plain"]);
    const evidence = (
      await t.call(owner.token, { method: "GET", url: `${base()}/evidence/${scan.evidence.id}` })
    ).json();
    expect(evidence.body).toContain("2 harmful actions were blocked by policy");
  });

  it("accepts a summary written before the blocked verdict, with no blocked counts", async () => {
    const summary = scanSummary([caseResult({ caseId: "PI-010.plain" })]);
    const { blocked: _blocked, ...totals } = summary.totals;
    const byCategory = Object.fromEntries(
      Object.entries(summary.byCategory).map(([category, { blocked: _b, ...counts }]) => [category, counts]),
    );
    const res = await upload({ system: "support-bot", summary: { ...summary, totals, byCategory } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().totals).toMatchObject({ cases: 1, vulnerable: 1, blocked: 0 });
  });
});
