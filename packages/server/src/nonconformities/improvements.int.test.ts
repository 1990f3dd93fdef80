import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { givenIncident } from "./nonconformity-test-fixtures.js";

describe("improvement log", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;
  let incidentId: string;

  type Method = "GET" | "POST" | "PATCH";
  const call = (who: TestMember, method: Method, path: string, payload?: object, token = who.token) =>
    t.call(token, { method, url: `/api/v1/orgs/${who.orgId}${path}`, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Improving");
    other = await t.addOrg("Elsewhere");
    incidentId = await givenIncident(t.db, owner.orgId, "INC-4");
  });
  afterAll(() => t.close());

  it("logs opportunities from any source, linked back to the source record, and lists them newest first", async () => {
    const nc = (
      await call(owner, "POST", "/nonconformities", { title: "Late review", severity: "minor", source: "manual" })
    ).json();
    const fromIncident = await call(owner, "POST", "/improvements", {
      title: "Rehearse incident communication",
      source: "incident",
      sourceId: incidentId,
    });
    expect(fromIncident.statusCode, fromIncident.body).toBe(201);
    expect(fromIncident.json()).toMatchObject({
      ref: "IMP-1",
      status: "proposed",
      source: "incident",
      sourceRef: "INC-4",
      raisedBy: { name: "Test owner" },
    });
    const fromNc = await call(owner, "POST", "/improvements", {
      title: "Calendar for reviews",
      description: "Reviews slip when nobody is reminded.",
      source: "nonconformity",
      sourceId: nc.id,
    });
    expect(fromNc.json()).toMatchObject({ ref: "IMP-2", sourceRef: nc.ref });
    const fromReview = await call(owner, "POST", "/improvements", { title: "Fewer KPIs", source: "management_review" });
    expect(fromReview.statusCode).toBe(201);

    const list = (await call(owner, "GET", "/improvements")).json();
    expect(list.items.map((i: { ref: string }) => i.ref)).toEqual(["IMP-3", "IMP-2", "IMP-1"]);
    const bySource = (await call(owner, "GET", `/improvements?source=nonconformity&sourceId=${nc.id}`)).json();
    expect(bySource.items.map((i: { ref: string }) => i.ref)).toEqual(["IMP-2"]);

    const wrongSource = await call(owner, "POST", "/improvements", {
      title: "x",
      source: "incident",
      sourceId: nc.id,
    });
    expect(wrongSource.statusCode).toBe(400);
    expect(wrongSource.json().error.details.fields[0]).toMatchObject({
      field: "body.sourceId",
      message: "is not an incident of this organisation",
    });
  });

  it("moves proposed → planned → done, declines only with a reason, and refuses other steps naming the allowed ones", async () => {
    const created = (await call(owner, "POST", "/improvements", { title: "Shorter forms", source: "manual" })).json();
    const planned = await call(owner, "PATCH", `/improvements/${created.id}`, { version: 1, status: "planned" });
    expect(planned.json()).toMatchObject({ status: "planned", version: 2 });
    const stale = await call(owner, "PATCH", `/improvements/${created.id}`, { version: 1, title: "Again" });
    expect(stale.statusCode).toBe(409);
    const noReason = await call(owner, "PATCH", `/improvements/${created.id}`, { version: 2, status: "declined" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0]).toMatchObject({ field: "body.declineReason" });
    const declined = await call(owner, "PATCH", `/improvements/${created.id}`, {
      version: 2,
      status: "declined",
      declineReason: "Forms are set by the regulator.",
    });
    expect(declined.json()).toMatchObject({ status: "declined", declineReason: "Forms are set by the regulator." });
    const illegal = await call(owner, "PATCH", `/improvements/${created.id}`, { version: 3, status: "done" });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error).toMatchObject({
      code: "illegal_transition",
      message: "An improvement that is declined can move to proposed, not to done.",
    });
    const actions = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("entity_id", "=", created.id)
      .orderBy("seq")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["improvement.created", "improvement.updated", "improvement.updated"]);
  });

  it("answers 404 across organisations and 403 to a read-only token", async () => {
    const created = (await call(owner, "POST", "/improvements", { title: "Scoped", source: "manual" })).json();
    const foreign = await t.call(other.token, {
      method: "PATCH",
      url: `/api/v1/orgs/${other.orgId}/improvements/${created.id}`,
      payload: { version: 1, status: "planned" },
    });
    expect(foreign.statusCode).toBe(404);
    const read = (await call(owner, "POST", "/tokens", { name: "read", scope: "read" })).json().secret as string;
    expect((await call(owner, "GET", "/improvements", undefined, read)).statusCode).toBe(200);
    const refused = await call(owner, "PATCH", `/improvements/${created.id}`, { version: 1, status: "planned" }, read);
    expect(refused.statusCode).toBe(403);
  });
});
