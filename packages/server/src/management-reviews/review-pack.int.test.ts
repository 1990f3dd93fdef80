import { type ReviewPack, reviewInputKeys } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineMetric, push } from "../monitoring/monitoring-test-fixtures.js";
import { addSystem } from "../risks/test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import {
  approveScope,
  givenClosedAudit,
  givenObjective,
  givenTraining,
  membershipOf,
  ok,
} from "./review-test-fixtures.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("management review input pack", () => {
  let t: TestServer;
  let owner: TestMember;
  let approver: TestMember;
  let other: TestMember;
  let systemId: string;
  let ncRef: string;
  /** An instant after the first records and before the later incident. */
  let cut: Date;

  const pack = async (query = "") => ok<ReviewPack>(t, owner, "GET", `/review-pack${query}`);

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Pack Org");
    approver = await t.addMember(owner.orgId, "compliance_manager");
    other = await t.addOrg("Other Pack Org");
    systemId = await addSystem(t, owner.orgId, { name: "Support assistant" });
    const ownerMember = await membershipOf(t, owner);

    await approveScope(t, owner, approver, {
      systemIds: [systemId],
      externalIssues: [{ title: "EU AI Act obligations", detail: "" }],
      internalIssues: [{ title: "Small ML team", detail: "Two engineers" }],
      interestedParties: [{ name: "Customers", needs: "Fair answers", addressedThroughAims: true, howAddressed: "" }],
    });
    const nc = await ok<{ id: string; ref: string }>(t, owner, "POST", "/nonconformities", {
      title: "Model card missing",
      severity: "major",
      source: "manual",
      systemId,
    });
    ncRef = nc.ref;
    await ok(t, owner, "POST", `/nonconformities/${nc.id}/actions`, {
      title: "Write the model card",
      ownerMemberId: ownerMember,
      dueDate: "2020-01-01",
    });
    await ok(t, owner, "POST", "/incidents", {
      title: "Chatbot leaked an address",
      severity: "high",
      systemIds: [systemId],
    });
    await defineMetric(t, owner, systemId, { name: "toxicity", warning: 0.1, critical: 0.2 });
    const pushed = await push(t, owner, systemId, [{ metric: "toxicity", value: 0.5 }]);
    expect(pushed.statusCode, pushed.body).toBe(201);
    await ok(t, owner, "POST", "/risks", {
      title: "Prompt injection",
      systemId,
      inherentLikelihood: 5,
      inherentImpact: 5,
    });
    await ok(t, owner, "POST", "/risks", {
      title: "Minor typo risk",
      systemId,
      inherentLikelihood: 1,
      inherentImpact: 1,
    });
    await ok(t, owner, "POST", "/improvements", { title: "Automate evaluation runs", source: "manual" });
    await givenObjective(t, owner.orgId, "Review answers by a person", 55);
    await givenTraining(t, owner.orgId, "owner", ownerMember, "AI basics");
    await givenClosedAudit(t, owner.orgId, "IA-1", ["conforming", "conforming", "major_nc", "opportunity", null]);
    await sleep(20);
    cut = new Date();
    await sleep(20);
    await ok(t, owner, "POST", "/incidents", { title: "Later incident", severity: "low", systemIds: [systemId] });
  });
  afterAll(() => t.close());

  it("has exactly one top-level key per 9.3.2 input, in order, each stating its clause, title and date", async () => {
    const empty = await ok<ReviewPack>(t, other, "GET", "/review-pack");
    expect(Object.keys(empty)).toEqual(reviewInputKeys);
    const full = await pack();
    expect(Object.keys(full)).toEqual(reviewInputKeys);
    expect(full.nonconformities).toMatchObject({ clause: "9.3.2 d", title: "Nonconformities and corrective actions" });
    expect(full.previousActions.since).toBeNull();
    expect(empty.risks.risks).toEqual({ total: 0, truncated: false, items: [] });
    expect(empty.externalInternalIssues.scope).toBeNull();
  });

  it("reports the records: nonconformity, incident, alert, objective, training, risks, scope and improvements", async () => {
    const full = await pack();
    const nc = full.nonconformities;
    // The manual one, and the one raised from the audit's major result.
    expect(nc.bySeverity).toEqual({ minor: 0, major: 2 });
    expect(nc.byStatus).toEqual({ open: 1, action_planned: 1, awaiting_check: 0, closed: 0 });
    expect(nc.openedInPeriod).toBe(2);
    expect(nc.overdueActions).toBe(1);
    expect(nc.open.items[0]).toMatchObject({
      ref: ncRef,
      system: { name: "Support assistant" },
      actions: [{ title: "Write the model card", dueDate: "2020-01-01", overdue: true, owner: { name: "Test owner" } }],
    });

    expect(full.incidents.incidents.items.map((i) => i.title)).toEqual(["Chatbot leaked an address", "Later incident"]);
    expect(full.incidents.incidents.items[0]?.systems).toEqual([{ id: systemId, name: "Support assistant" }]);
    expect(full.incidents.bySeverity).toEqual({ low: 1, medium: 0, high: 1, critical: 0 });
    expect(full.incidents.openAtAsOf).toBe(2);

    expect(full.monitoring.metricsByState.critical).toBe(1);
    expect(full.monitoring.metrics.items[0]).toMatchObject({
      name: "toxicity",
      state: "critical",
      latest: { value: 0.5 },
    });
    expect(full.monitoring.alertsByLevel.critical).toBe(1);
    expect(full.monitoring.alerts.items[0]).toMatchObject({
      metric: { name: "toxicity" },
      level: "critical",
      status: "open",
    });

    expect(full.objectives.objectives).toMatchObject([
      { title: "Review answers by a person", current: { value: 55 }, target: 90 },
    ]);
    expect(full.competence.coverage.byRole).toContainEqual(
      expect.objectContaining({ role: "owner", members: 1, requirements: 1, fullyCovered: 1 }),
    );

    expect(full.risks.acceptableWithoutTreatment).toBe("low");
    expect(full.risks.risks.total).toBe(1);
    expect(full.risks.risks.items[0]).toMatchObject({
      title: "Prompt injection",
      rating: "critical",
      status: "assessed",
    });

    expect(full.externalInternalIssues.external.items).toEqual([{ title: "EU AI Act obligations", detail: "" }]);
    expect(full.externalInternalIssues.compared).toBe(false);
    expect(full.interestedParties.items.map((p) => p.name)).toEqual(["Customers"]);
    expect(full.improvements.improvements.items.map((i) => i.title)).toEqual(["Automate evaluation runs"]);
    expect(full.improvements.byStatus.proposed).toBe(1);
  });

  it("reports internal audits closed in the period with their results, and their opportunities for improvement", async () => {
    const full = await pack();
    expect(full.audits.audits.items).toEqual([
      expect.objectContaining({
        ref: "IA-1",
        status: "closed",
        conclusion: "Conforms, with one major finding",
        nonconformitiesRaised: 1,
        results: {
          byResult: { conforming: 2, minor_nc: 0, major_nc: 1, observation: 0, opportunity: 1 },
          unanswered: 1,
        },
      }),
    ]);
    expect(full.audits.nonconformitiesRaised).toBe(1);
    expect(full.improvements.auditOpportunities.items).toEqual([
      expect.objectContaining({
        audit: expect.objectContaining({ ref: "IA-1" }),
        notes: "Automate the evidence export",
      }),
    ]);
  });

  it("reads the records as of a date or instant, leaving out what came later", async () => {
    const atCut = await pack(`?asOf=${encodeURIComponent(cut.toISOString())}`);
    expect(atCut.incidents.incidents.items.map((i) => i.title)).toEqual(["Chatbot leaked an address"]);
    expect(atCut.incidents.asOf).toBe(cut.toISOString());
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const before = await pack(`?asOf=${yesterday}`);
    expect(before.incidents.asOf).toBe(`${yesterday}T23:59:59.999Z`);
    expect(before.incidents.incidents.total).toBe(0);
    expect(before.nonconformities.open.total).toBe(0);
    expect(before.monitoring.metrics.total).toBe(0);
    expect(before.risks.risks.total).toBe(0);
    expect(before.objectives.objectives).toEqual([]);
    expect(before.externalInternalIssues.scope).toBeNull();
  });

  it("refuses an as-of value that is not a date, or lies in the future, naming the field", async () => {
    const bad = await t.call(owner.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/review-pack?asOf=soon` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(["query.asOf"]);
    const future = await t.call(owner.token, {
      method: "GET",
      url: `/api/v1/orgs/${owner.orgId}/review-pack?asOf=${new Date(Date.now() + 3_600_000).toISOString()}`,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields).toEqual([
      expect.objectContaining({ field: "query.asOf", message: "must not be in the future" }),
    ]);
    const format = await t.call(owner.token, {
      method: "GET",
      url: `/api/v1/orgs/${owner.orgId}/review-pack?format=docx`,
    });
    expect(format.statusCode).toBe(400);
    expect(format.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(["query.format"]);
  });

  it("lets a viewer read the pack and keeps other organisations out", async () => {
    const viewer = await t.addMember(owner.orgId, "viewer");
    const res = await t.call(viewer.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/review-pack` });
    expect(res.statusCode).toBe(200);
    const foreign = await t.call(other.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/review-pack` });
    expect(foreign.statusCode).toBe(404);
  });
});
