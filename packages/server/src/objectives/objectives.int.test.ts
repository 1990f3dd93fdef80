import type { ObjectiveDetail } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenSystem } from "../evidence/evidence-test-fixtures.js";
import { defineMetric, minutesAgo, push } from "../monitoring/monitoring-test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { objectivesAsOf } from "./objectives-as-of.js";

describe("AI objectives", () => {
  let t: TestServer;
  let owner: TestMember;
  let contributor: TestMember;
  let viewer: TestMember;
  let other: TestMember;
  let ownerMemberId: string;
  let metricId: string;
  let foreignMetricId: string;

  type Method = "GET" | "POST" | "PATCH";
  const call = (who: TestMember, method: Method, path: string, payload?: object) =>
    t.call(who.token, { method, url: `/api/v1/orgs/${who.orgId}${path}`, ...(payload ? { payload } : {}) });
  const create = async (payload: object, who = owner) => {
    const res = await call(who, "POST", "/objectives", payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as ObjectiveDetail;
  };
  const fieldsOf = (body: string) =>
    (JSON.parse(body).error.details.fields as { field: string; message: string }[]).map((f) => f.field);

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Objectives");
    contributor = await t.addMember(owner.orgId, "contributor");
    viewer = await t.addMember(owner.orgId, "viewer");
    other = await t.addOrg("Elsewhere");
    ownerMemberId = (
      await t.db
        .selectFrom("memberships")
        .select("id")
        .where("org_id", "=", owner.orgId)
        .where("user_id", "=", owner.userId)
        .executeTakeFirstOrThrow()
    ).id;
    const systemId = await givenSystem(t.db, owner.orgId, "support-bot");
    metricId = (await defineMetric(t, owner, systemId, { name: "error_rate", warning: null, critical: null })).id;
    const foreignSystem = await givenSystem(t.db, other.orgId, "other-bot");
    foreignMetricId = (await defineMetric(t, other, foreignSystem, { name: "error_rate" })).id;
  });
  afterAll(() => t.close());

  it("sets an objective measured by hand, with its plan, owner and an audit entry", async () => {
    const objective = await create({
      title: "Every reviewer trained in AI risk",
      rationale: "Reviewers sign off releases.",
      measureKind: "manual",
      measure: "Share of reviewers with a current completion",
      unit: "%",
      baseline: 40,
      target: 100,
      direction: "increase",
      ownerMemberId,
      dueDate: "2099-12-31",
      planWhat: "Run the course every quarter",
      planResources: "Two trainers",
      planWhen: "Quarterly",
    });
    expect(objective).toMatchObject({
      ref: "OBJ-1",
      status: "active",
      state: "no_data",
      current: null,
      progressPercent: null,
      owner: { memberId: ownerMemberId, name: "Test owner" },
      ownerName: "Test owner",
      plan: { what: "Run the course every quarter", resources: "Two trainers", when: "Quarterly" },
      history: [],
    });
    const entry = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("entity_id", "=", objective.id)
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe("objective.created");

    const reading = await call(owner, "POST", `/objectives/${objective.id}/progress`, {
      source: "manual",
      value: 70,
      note: "Q1 count",
    });
    expect(reading.statusCode, reading.body).toBe(201);
    expect(reading.json()).toMatchObject({
      current: { value: 70 },
      progressPercent: 50,
      state: "on_track",
      history: [{ value: 70, note: "Q1 count", source: "manual", recordedBy: { name: "Test owner" } }],
    });
  });

  it("answers 400 naming each field, and refuses a target on the wrong side of the baseline", async () => {
    const missing = await call(owner, "POST", "/objectives", { measureKind: "metric", direction: "sideways" });
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(expect.arrayContaining(["body.title", "body.target", "body.direction"]));

    const noMetric = await call(owner, "POST", "/objectives", {
      title: "Lower errors",
      measureKind: "metric",
      target: 2,
      direction: "decrease",
    });
    expect(noMetric.statusCode).toBe(400);
    expect(fieldsOf(noMetric.body)).toEqual(["body.metricId"]);

    const backwards = await call(owner, "POST", "/objectives", {
      title: "Lower errors",
      measureKind: "manual",
      baseline: 5,
      target: 8,
      direction: "decrease",
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.fields[0]).toMatchObject({
      field: "body.target",
      message: "must be at or below the baseline for an objective to stay at or below the target",
    });
  });

  it("answers 404 for another organisation's metric, owner or objective", async () => {
    const foreignMetric = await call(owner, "POST", "/objectives", {
      title: "Borrowed metric",
      measureKind: "metric",
      metricId: foreignMetricId,
      target: 1,
      direction: "decrease",
    });
    expect(foreignMetric.statusCode).toBe(404);
    const otherOwner = await t.db
      .selectFrom("memberships")
      .select("id")
      .where("org_id", "=", other.orgId)
      .executeTakeFirstOrThrow();
    const foreignOwner = await call(owner, "POST", "/objectives", {
      title: "Someone else's",
      measureKind: "manual",
      target: 1,
      direction: "increase",
      ownerMemberId: otherOwner.id,
    });
    expect(foreignOwner.statusCode).toBe(404);
    const mine = await create({ title: "Mine", measureKind: "manual", target: 1, direction: "increase" });
    expect((await call(other, "GET", `/objectives/${mine.id}`)).statusCode).toBe(404);
    expect(
      (await t.call(other.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/objectives` })).statusCode,
    ).toBe(404);
  });

  it("computes a metric measure from the metric's observations and records a reading from it", async () => {
    const firstAt = minutesAgo(120);
    const pushed = await push(t, owner, "support-bot", [
      { metric: "error_rate", value: 9, at: firstAt },
      { metric: "error_rate", value: 4, at: minutesAgo(60) },
    ]);
    expect(pushed.statusCode, pushed.body).toBe(201);
    const objective = await create({
      title: "Halve the error rate",
      measureKind: "metric",
      metricId,
      unit: "%",
      baseline: 10,
      target: 5,
      direction: "decrease",
    });
    expect(objective).toMatchObject({
      metric: { id: metricId, name: "error_rate" },
      current: { value: 4 },
      progressPercent: 100,
      state: "achieved",
      history: [],
    });

    const typed = await call(owner, "POST", `/objectives/${objective.id}/progress`, { source: "manual", value: 3 });
    expect(typed.statusCode).toBe(400);
    expect(fieldsOf(typed.body)).toEqual(["body.source"]);

    const early = await call(owner, "POST", `/objectives/${objective.id}/progress`, {
      source: "metric",
      recordedAt: minutesAgo(90),
    });
    expect(early.statusCode, early.body).toBe(201);
    // The reading is the observation the metric had then, at its own time.
    expect((early.json() as ObjectiveDetail).history).toEqual([
      expect.objectContaining({ value: 9, source: "metric", recordedAt: new Date(firstAt).toISOString() }),
    ]);
    const none = await call(owner, "POST", `/objectives/${objective.id}/progress`, {
      source: "metric",
      recordedAt: minutesAgo(600),
    });
    expect(none.statusCode).toBe(409);

    // As of 90 minutes ago the metric read 9: a third of the way from 10 to 5, so the two dates differ.
    const then = (await objectivesAsOf(t.db, owner.orgId, new Date(Date.now() - 90 * 60_000))).find(
      (o) => o.id === objective.id,
    );
    expect(then).toBeUndefined(); // it did not exist yet
    const now = (await objectivesAsOf(t.db, owner.orgId, new Date())).find((o) => o.id === objective.id);
    expect(now).toMatchObject({ current: { value: 4 }, state: "achieved" });
  });

  it("changes an objective under its version, refuses illegal status steps, and archives it", async () => {
    const objective = await create({
      title: "Publish the AI policy",
      measureKind: "manual",
      target: 1,
      direction: "increase",
    });
    const stale = await call(owner, "PATCH", `/objectives/${objective.id}`, { version: 99, title: "x" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");

    const achieved = await call(contributor, "PATCH", `/objectives/${objective.id}`, {
      version: objective.version,
      status: "achieved",
      ownerMemberId,
    });
    expect(achieved.statusCode, achieved.body).toBe(200);
    const afterAchieved = achieved.json() as ObjectiveDetail;
    const jump = await call(owner, "PATCH", `/objectives/${objective.id}`, {
      version: afterAchieved.version,
      status: "missed",
    });
    expect(jump.statusCode).toBe(409);
    expect(jump.json().error).toMatchObject({
      code: "illegal_transition",
      message: "An objective that is achieved can move to active, not to missed.",
      details: { allowed: ["active"] },
    });

    const byStatus = (await call(owner, "GET", "/objectives?status=achieved")).json();
    expect(byStatus.items.map((o: { id: string }) => o.id)).toEqual([objective.id]);
    const byOwner = (await call(owner, "GET", `/objectives?ownerMemberId=${ownerMemberId}`)).json();
    expect(byOwner.items.map((o: { ref: string }) => o.ref)).toContain(afterAchieved.ref);

    expect(
      (await call(viewer, "POST", `/objectives/${objective.id}/archive`, { version: 2, reason: "done" })).statusCode,
    ).toBe(403);
    const archived = await call(owner, "POST", `/objectives/${objective.id}/archive`, {
      version: afterAchieved.version,
      reason: "Folded into the training objective",
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json()).toMatchObject({ archived: true, archiveReason: "Folded into the training objective" });
    const list = (await call(owner, "GET", "/objectives")).json();
    expect(list.items.map((o: { id: string }) => o.id)).not.toContain(objective.id);
    const again = await call(owner, "PATCH", `/objectives/${objective.id}`, {
      version: afterAchieved.version + 1,
      title: "x",
    });
    expect(again.statusCode).toBe(409);
  });
});
