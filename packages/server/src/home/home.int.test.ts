import { randomUUID } from "node:crypto";
import type { HomeView } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEntry, systemActor } from "../audit/append-audit-entry.js";
import { addSystem, dayFromToday, membershipId } from "../risks/test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

describe("home dashboard", () => {
  let t: TestServer;
  let owner: TestMember;
  let lead: TestMember;
  let other: TestMember;
  let leadMember: string;
  const today = dayFromToday(0);

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Home");
    other = await t.addOrg("Elsewhere");
    lead = await t.addMember(owner.orgId, "compliance_manager");
    leadMember = await membershipId(t, lead);
  });
  afterAll(() => t.close());

  const call = (member: TestMember, orgId = member.orgId) =>
    t.call(member.token, { method: "GET", url: `/api/v1/orgs/${orgId}/home` });
  const home = async (member: TestMember): Promise<HomeView> => {
    const response = await call(member);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const post = async (member: TestMember, path: string, payload: object) => {
    const response = await t.call(member.token, {
      method: "POST",
      url: `/api/v1/orgs/${member.orgId}/${path}`,
      payload,
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  };
  /**
   * Rows inserted straight into the database write no audit entry; the dashboard reuses its figures
   * until the audit-chain head moves, so the test records the change as every real operation does.
   */
  const recordChange = (orgId: string) =>
    t.db.transaction().execute((tx) =>
      appendAuditEntry(tx, {
        orgId,
        actor: systemActor("test fixture"),
        requestId: null,
        action: "fixture.inserted",
        entityType: "fixture",
        entityId: null,
      }),
    );
  const snapshotsOf = (orgId: string) =>
    t.db.selectFrom("readiness_snapshots").selectAll().where("org_id", "=", orgId).orderBy("day").execute();

  it("shows a new organisation with every section in its empty state", async () => {
    const view = await home(owner);
    expect(view.readiness.clauses.map((c) => c.id)).toEqual(["4", "5", "6", "7", "8", "9", "10"]);
    expect(view.readiness.clauses[0]?.title).toBe("Context of the organization");
    expect(view.readiness.areas.map((a) => a.id)).toEqual([
      "A.2",
      "A.3",
      "A.4",
      "A.5",
      "A.6",
      "A.7",
      "A.8",
      "A.9",
      "A.10",
    ]);
    expect(view.readiness.percent).toBeLessThan(10);
    expect(view.readiness.trend).toEqual([{ day: today, percent: view.readiness.percent }]);
    expect(view.risks).toMatchObject({ open: 0, unrated: 0 });
    expect(view.risks.cells).toHaveLength(25);
    expect(view.risks.likelihoodLevels.map((l) => l.label)).toEqual([
      "Rare",
      "Unlikely",
      "Possible",
      "Likely",
      "Almost certain",
    ]);
    expect(view.systems.total).toBe(0);
    expect(view.systems.byStage.map((s) => s.stage)).toContain("operation");
    expect(view.evidence).toMatchObject({ windowDays: 30, expiringCount: 0, expiredCount: 0, expiring: [] });
    expect(view.securityTests).toEqual([]);
    expect(view.waitingOnMe).toEqual({ total: 0, overdue: 0, items: [] });
  });

  it("counts open risks per cell of the organisation's own matrix, at their residual place once assessed", async () => {
    const rate = (l: number, i: number) => ({ inherentLikelihood: l, inherentImpact: i });
    await post(owner, "risks", { title: "Model leaks prompts", ...rate(5, 5) });
    await post(owner, "risks", { title: "Tool misuse", ...rate(5, 5) });
    await post(owner, "risks", {
      title: "Stale training data",
      ...rate(2, 3),
      treatmentOption: "modify",
      residualLikelihood: 1,
      residualImpact: 1,
    });
    await post(owner, "risks", { title: "Not rated yet" });
    const closed = await post(owner, "risks", { title: "Closed one", ...rate(3, 3) });
    await t.db.updateTable("risks").set({ status: "closed" }).where("id", "=", closed.id).execute();
    const view = await home(owner);
    expect(view.risks.open).toBe(4);
    expect(view.risks.unrated).toBe(1);
    const cell = (l: number, i: number) => view.risks.cells.find((c) => c.likelihood === l && c.impact === i);
    expect(cell(5, 5)).toEqual({ likelihood: 5, impact: 5, rating: "critical", count: 2 });
    expect(cell(1, 1)).toEqual({ likelihood: 1, impact: 1, rating: "low", count: 1 });
    expect(cell(2, 3)?.count).toBe(0);
    expect(cell(3, 3)?.count).toBe(0);
    expect(view.risks.cells.reduce((sum, c) => sum + c.count, 0)).toBe(3);
  });

  it("counts live AI systems by lifecycle stage and impact tier", async () => {
    const stages: [string, string][] = [
      ["design", "high"],
      ["operation", "low"],
      ["operation", "high"],
    ];
    for (const [stage, tier] of stages) {
      const id = await addSystem(t, owner.orgId, { impactTier: tier });
      await t.db.updateTable("ai_systems").set({ lifecycle_stage: stage }).where("id", "=", id).execute();
    }
    await addSystem(t, owner.orgId, { archived: true });
    await addSystem(t, other.orgId);
    const stale = await home(owner);
    expect(stale.systems.total).toBe(0);
    await recordChange(owner.orgId);
    const { systems } = await home(owner);
    expect(systems.total).toBe(3);
    const stage = (name: string) => systems.byStage.find((s) => s.stage === name)?.count;
    expect([stage("design"), stage("operation"), stage("retired")]).toEqual([1, 2, 0]);
    expect(systems.byTier).toEqual([
      { tier: "low", count: 1 },
      { tier: "medium", count: 0 },
      { tier: "high", count: 2 },
    ]);
  });

  it("lists evidence that expires in the next 30 days, soonest first, and counts what has expired", async () => {
    const record = (title: string, validUntil: string) =>
      post(owner, "evidence", { kind: "record", title, body: "Signed off.", validUntil });
    const inTen = await record("Pen-test letter", dayFromToday(10));
    const inThree = await record("Training roster", dayFromToday(3));
    await record("Annual review", dayFromToday(45));
    const lapsed = await record("Old certificate", dayFromToday(20));
    await t.db
      .updateTable("evidence")
      .set({ valid_until: new Date(Date.now() - 2 * 86_400_000) })
      .where("id", "=", lapsed.id)
      .execute();
    const { evidence } = await home(owner);
    expect(evidence.expiringCount).toBe(2);
    expect(evidence.expiredCount).toBe(1);
    expect(evidence.expiring.map((e) => e.ref)).toEqual([inThree.ref, inTen.ref]);
    expect(evidence.expiring[0]?.title).toBe("Training roster");
  });

  it("shows the latest finished security tests, newest first, with their vulnerable rate", async () => {
    const systemId = await addSystem(t, owner.orgId, { name: "Support bot" });
    const scan = (ref: string, status: string, minutesAgo: number, cases: number, vulnerable: number) => ({
      id: randomUUID(),
      org_id: owner.orgId,
      ref,
      system_id: systemId,
      status,
      origin: "cli",
      target_kind: "openai",
      target_endpoint: "http://127.0.0.1:8000/v1",
      seed: 1,
      started_at: new Date(Date.now() - minutesAgo * 60_000),
      created_at: new Date(Date.now() - minutesAgo * 60_000),
      cases,
      vulnerable,
    });
    await t.db
      .insertInto("redteam_scans")
      .values([
        scan("RT-1", "completed", 30, 200, 40),
        scan("RT-2", "partial", 20, 50, 5),
        scan("RT-3", "running", 10, 0, 0),
      ])
      .execute();
    await recordChange(owner.orgId);
    const { securityTests } = await home(owner);
    expect(securityTests.map((s) => [s.ref, s.status, s.vulnerableRate])).toEqual([
      ["RT-2", "partial", 10],
      ["RT-1", "completed", 20],
    ]);
    expect(securityTests[0]?.system.name).toBe("Support bot");
  });

  it("lists what waits on the caller: approvals they may give and their overdue records", async () => {
    const risk = await post(owner, "risks", { title: "Lead's risk", ownerMemberId: leadMember, reviewDate: today });
    await t.db
      .updateTable("risks")
      .set({ review_date: dayFromToday(-5) })
      .where("id", "=", risk.id)
      .execute();
    const action = await post(owner, `risks/${risk.id}/actions`, {
      title: "Add output filter",
      ownerMemberId: leadMember,
      dueDate: dayFromToday(7),
    });
    await t.db
      .updateTable("risk_treatment_actions")
      .set({ due_date: dayFromToday(-3) })
      .where("id", "=", action.id)
      .execute();
    const document = await post(owner, "documents", {
      title: "AI policy",
      kind: "ai_policy",
      body: "# AI policy\n\nWe use AI with care.",
      approverMemberIds: [leadMember],
    });
    const version = document.versions[0];
    await post(owner, `documents/${document.id}/versions/${version.id}/submit`, { version: version.version ?? 1 });

    const forLead = (await home(lead)).waitingOnMe;
    expect(forLead).toMatchObject({ total: 3, overdue: 2 });
    expect(forLead.items.map((i) => i.kind)).toEqual(["risk_review", "treatment_action", "approval"]);
    expect(forLead.items[0]).toMatchObject({ ref: risk.ref, path: `risks/${risk.id}`, dueDate: dayFromToday(-5) });
    expect(forLead.items[1]).toMatchObject({ title: "Add output filter", path: `risks/${risk.id}`, overdue: true });
    expect(forLead.items[2]).toMatchObject({ ref: document.ref, path: `documents/${document.id}`, dueDate: null });
    // The owner submitted it and is not the named approver.
    const forOwner = (await home(owner)).waitingOnMe.items;
    expect(forOwner.filter((item) => item.kind === "approval")).toEqual([]);
  });

  it("is readable by an auditor and a viewer, and not found from another organisation", async () => {
    const auditor = await t.addMember(owner.orgId, "auditor");
    const viewer = await t.addMember(owner.orgId, "viewer");
    const seen = await home(auditor);
    expect(seen.risks.open).toBe(5);
    expect(seen.waitingOnMe.total).toBe(0);
    expect((await call(viewer)).statusCode).toBe(200);
    expect((await call(other, owner.orgId)).statusCode).toBe(404);
  });

  it("keeps one snapshot per organisation per day, current with the latest change, and shows earlier days in the trend", async () => {
    const before = await home(owner);
    await home(lead);
    let snapshots = await snapshotsOf(owner.orgId);
    expect(snapshots.map((s) => s.day)).toEqual([today]);

    await t.db
      .insertInto("readiness_snapshots")
      .values({
        org_id: owner.orgId,
        day: dayFromToday(-1),
        percent: 1,
        met: 1,
        total: 100,
        coverage: JSON.stringify({ overall: {}, clauses: [], areas: [] }),
        audit_seq: 0,
        computed_at: new Date(Date.now() - 86_400_000),
      })
      .execute();
    const ownerMember = await membershipId(t, owner);
    await post(owner, "responsibilities", {
      subjectType: "process",
      process: "aims_leadership",
      memberId: ownerMember,
      raciRole: "accountable",
    });
    const after = await home(owner);
    expect(after.readiness.met).toBeGreaterThan(before.readiness.met);
    expect(after.readiness.trend).toEqual([
      { day: dayFromToday(-1), percent: 1 },
      { day: today, percent: after.readiness.percent },
    ]);
    snapshots = await snapshotsOf(owner.orgId);
    expect(snapshots.map((s) => s.day)).toEqual([dayFromToday(-1), today]);
    const head = await t.db
      .selectFrom("audit_heads")
      .select("seq")
      .where("org_id", "=", owner.orgId)
      .executeTakeFirstOrThrow();
    expect(Number(snapshots[1]?.audit_seq)).toBe(Number(head.seq));
    expect(snapshots[1]?.met).toBe(after.readiness.met);
    // Reading the dashboard writes no audit entry.
    await home(owner);
    const unchanged = await t.db
      .selectFrom("audit_heads")
      .select("seq")
      .where("org_id", "=", owner.orgId)
      .executeTakeFirstOrThrow();
    expect(Number(unchanged.seq)).toBe(Number(head.seq));
    expect(await snapshotsOf(other.orgId)).toEqual([]);
  });

  it("records today's score when the readiness view is computed, too", async () => {
    const fresh = await t.addOrg("Readiness first");
    const readiness = await t.call(fresh.token, { method: "GET", url: `/api/v1/orgs/${fresh.orgId}/readiness` });
    expect(readiness.statusCode).toBe(200);
    const snapshots = await snapshotsOf(fresh.orgId);
    expect(snapshots.map((s) => [s.day, s.percent])).toEqual([[today, readiness.json().overall.percent]]);
    expect((await home(fresh)).readiness.trend).toEqual([{ day: today, percent: readiness.json().overall.percent }]);
  });
});
