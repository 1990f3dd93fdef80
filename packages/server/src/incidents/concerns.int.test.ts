import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenSystem } from "../evidence/evidence-test-fixtures.js";
import { auditOf } from "../risks/test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { ANONYMOUS_REPORTS_PER_WINDOW } from "./concern-rate-limit.js";
import { orgCall, readToken } from "./incident-test-fixtures.js";

describe("concerns", () => {
  let t: TestServer;
  let owner: TestMember;
  let stranger: TestMember;
  let systemId: string;
  let call: ReturnType<typeof orgCall>;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Concerns");
    stranger = await t.addOrg("Other concerns");
    systemId = await givenSystem(t.db, owner.orgId, "support-bot");
    call = orgCall(t, owner);
  });
  afterAll(() => t.close());

  const anonymous = (payload: object, remoteAddress = "198.51.100.1", headers: Record<string, string> = {}) =>
    t.app.inject({ method: "POST", url: "/api/v1/public/concerns", payload, remoteAddress, headers });
  const concernsOf = async (member: TestMember) =>
    (await orgCall(t, member)("GET", "/concerns")).json().items as { id: string; ref: string; status: string }[];

  it("takes a concern from any member, with a receipt, into the triage queue", async () => {
    const viewer = await t.addMember(owner.orgId, "viewer");
    const res = await orgCall(t, viewer)("POST", "/concerns", {
      description: "The screening bot rejects every applicant over fifty.",
      systemId,
      contactPreference: "Tell me by e-mail",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ status: "received", receipt: "CON-0001" });
    const [concern] = (await call("GET", "/concerns?status=new")).json().items;
    expect(concern).toMatchObject({
      ref: "CON-0001",
      channel: "member",
      system: { id: systemId },
      reportedBy: { name: "Test viewer" },
      contactPreference: "Tell me by e-mail",
      status: "new",
    });
    // The queue is for those who triage: a viewer may report but not read it.
    expect((await orgCall(t, viewer)("GET", "/concerns")).statusCode).toBe(403);
    const foreign = await givenSystem(t.db, stranger.orgId, "theirs");
    const wrong = await call("POST", "/concerns", { description: "Something odd happened here.", systemId: foreign });
    expect(wrong.statusCode).toBe(404);
    const bad = await call("POST", "/concerns", { description: "short" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe("body.description");
  });

  it("turns the anonymous link on, rotates it and turns it off; only admins and compliance managers may", async () => {
    expect((await call("GET", "/concern-link")).json()).toEqual({ enabled: false, createdAt: null });
    const contributor = await t.addMember(owner.orgId, "contributor");
    expect((await orgCall(t, contributor)("POST", "/concern-link")).statusCode).toBe(403);
    const manager = await t.addMember(owner.orgId, "compliance_manager");
    const first = await orgCall(t, manager)("POST", "/concern-link");
    expect(first.statusCode, first.body).toBe(200);
    const { token, path } = first.json();
    expect(path).toBe(`/concern/${token}`);
    const stored = await t.db
      .selectFrom("concern_links")
      .selectAll()
      .where("org_id", "=", owner.orgId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);
    const check = await t.app.inject({ method: "GET", url: `/api/v1/public/concern-link?token=${token}` });
    expect(check.json()).toEqual({ organizationName: "Concerns" });

    const rotated = (await call("POST", "/concern-link")).json();
    expect(rotated.token).not.toBe(token);
    const old = await anonymous({ token, description: "Reported through the old link." });
    expect(old.statusCode).toBe(404);
    expect(old.body).not.toContain(token);
    expect((await anonymous({ token: rotated.token, description: "Reported through the new link." })).statusCode).toBe(
      201,
    );

    expect((await call("POST", "/concern-link/disable")).json()).toEqual({ enabled: false, createdAt: null });
    expect((await anonymous({ token: rotated.token, description: "After it was turned off." })).statusCode).toBe(404);
    const actions = (await auditOf(t, owner.orgId, owner.orgId)).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith("concern_link."))).toEqual([
      "concern_link.enabled",
      "concern_link.rotated",
      "concern_link.disabled",
    ]);
    expect(JSON.stringify(await auditOf(t, owner.orgId, owner.orgId))).not.toContain(rotated.token);
    await t.app.inject({ method: "GET", url: `/concern/${rotated.token}` });
    const logs = t.logs.join("");
    expect(logs).toContain("/api/v1/public/concern-link?token=[redacted]");
    expect(logs).toContain("/concern/[redacted]");
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(rotated.token);
  });

  it("stores an anonymous report without identity or address, and limits reports per client", async () => {
    const { token } = (await call("POST", "/concern-link")).json();
    const address = "203.0.113.77";
    // A signed-in person who uses the anonymous link stays anonymous too.
    const res = await anonymous(
      { token, description: "My manager asked me to hide the model's error rate.", systemName: "Scoring" },
      address,
      { authorization: `Bearer ${owner.token}` },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ status: "received", receipt: expect.stringMatching(/^CON-\d{4}$/) });
    const row = await t.db
      .selectFrom("concerns")
      .selectAll()
      .where("ref", "=", res.json().receipt)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      channel: "anonymous",
      reported_by_member_id: null,
      system_name: "Scoring",
      org_id: owner.orgId,
    });
    expect(JSON.stringify(row)).not.toContain(address);
    expect(JSON.stringify(row)).not.toContain(token);
    const audit = await t.db
      .selectFrom("audit_entries")
      .selectAll()
      .where("entity_id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_type: "system", actor_id: null, request_id: null });
    expect(JSON.stringify(audit)).not.toContain(address);
    expect(JSON.stringify(audit)).not.toContain("hide the model");
    expect(t.logs.join("")).not.toContain(token);

    const statuses: number[] = [];
    for (let i = 1; i < ANONYMOUS_REPORTS_PER_WINDOW + 1; i++) {
      statuses.push((await anonymous({ token, description: `Another report, number ${i}.` }, address)).statusCode);
    }
    expect(statuses).toEqual([...Array(ANONYMOUS_REPORTS_PER_WINDOW - 1).fill(201), 429]);
    expect((await anonymous({ token, description: "From somewhere else entirely." }, "203.0.113.78")).statusCode).toBe(
      201,
    );
    const badToken = await anonymous({ token: "short", description: "x" }, "203.0.113.79");
    expect(badToken.statusCode).toBe(400);
    expect(
      badToken
        .json()
        .error.details.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(["body.description", "body.token"]);
  });

  it("triages a concern into an incident, a risk, or closes it with a reason, once", async () => {
    const report = async (description: string) => {
      await call("POST", "/concerns", { description, systemId });
      return (await concernsOf(owner)).find((c) => c.status === "new") as { id: string; ref: string };
    };
    const toIncident = await report("Customers got other customers' invoices from the assistant.");
    const res = await call("POST", `/concerns/${toIncident.id}/incident`, {
      title: "Invoices mixed up",
      severity: "critical",
    });
    expect(res.statusCode, res.body).toBe(200);
    const concern = res.json();
    expect(concern).toMatchObject({
      status: "became_incident",
      triagedBy: { name: "Test owner" },
      incident: { ref: expect.stringMatching(/^INC-/) },
    });
    const incident = (await call("GET", `/incidents/${concern.incident.id}`)).json();
    expect(incident).toMatchObject({ title: "Invoices mixed up", severity: "critical", systems: [{ id: systemId }] });
    expect(incident.timeline[0].body).toContain(toIncident.ref);
    const twice = await call("POST", `/concerns/${toIncident.id}/risk`, { title: "Again" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain(`it became incident ${incident.ref}`);

    const toRisk = await report("The model could be retrained on data we are not allowed to use.");
    const risked = await call("POST", `/concerns/${toRisk.id}/risk`, { title: "Training on restricted data" });
    expect(risked.statusCode, risked.body).toBe(200);
    const risk = (await call("GET", `/risks/${risked.json().risk.id}`)).json();
    expect(risk).toMatchObject({ title: "Training on restricted data", system: { id: systemId } });
    expect(risk.description).toContain(toRisk.ref);
    expect((await call("POST", `/concerns/${toRisk.id}/close`, { reason: "Duplicate" })).statusCode).toBe(409);

    const toClose = await report("The bot's avatar looks a bit unfriendly to me.");
    const closed = await call("POST", `/concerns/${toClose.id}/close`, {
      reason: "Not about AI risk; passed to design.",
    });
    expect(closed.json()).toMatchObject({ status: "closed", closedReason: "Not about AI risk; passed to design." });
    expect((await call("POST", `/concerns/${toClose.id}/incident`, { title: "x", severity: "low" })).statusCode).toBe(
      409,
    );
    expect((await auditOf(t, owner.orgId, toClose.id)).map((e) => e.action)).toEqual([
      "concern.reported",
      "concern.triaged",
    ]);

    const theirs = orgCall(t, stranger);
    expect((await theirs("POST", `/concerns/${toClose.id}/close`, { reason: "Not ours at all" })).statusCode).toBe(404);
    const read = await readToken(t, owner);
    expect((await call("POST", "/concerns", { description: "Through a read token." }, read)).statusCode).toBe(403);
    const bad = await call("POST", `/concerns/${toClose.id}/incident`, { title: "", severity: "awful" });
    expect(
      bad
        .json()
        .error.details.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(["body.severity", "body.title"]);
  });
});
