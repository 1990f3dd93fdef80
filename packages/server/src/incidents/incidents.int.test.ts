import { type IncidentStatus, incidentStatuses } from "@openaims/contracts";
import { incidentSteps } from "@openaims/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenSystem } from "../evidence/evidence-test-fixtures.js";
import { defineMetric, push } from "../monitoring/monitoring-test-fixtures.js";
import { auditOf } from "../risks/test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { orgCall, readToken, reportIncident } from "./incident-test-fixtures.js";

describe("incidents", () => {
  let t: TestServer;
  let owner: TestMember;
  let stranger: TestMember;
  let systemId: string;
  let call: ReturnType<typeof orgCall>;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Incidents");
    stranger = await t.addOrg("Other incidents");
    systemId = await givenSystem(t.db, owner.orgId, "support-bot");
    call = orgCall(t, owner);
  });
  afterAll(() => t.close());

  it("reports an incident under INC-0001 with its systems, a first timeline entry and an audit entry", async () => {
    const incident = await reportIncident(t, owner, {
      description: "An answer quoted a customer's home address.",
      systemIds: [systemId],
      occurredAt: "2026-05-01T09:30:00Z",
    });
    expect(incident).toMatchObject({
      ref: "INC-0001",
      status: "reported",
      severity: "high",
      occurredAt: "2026-05-01T09:30:00.000Z",
      systems: [{ id: systemId, slug: "support-bot" }],
      reportedBy: { name: "Test owner" },
      nextStatuses: ["triaged"],
    });
    expect(incident.timeline).toMatchObject([{ kind: "status_change", fromStatus: null, toStatus: "reported" }]);
    expect((await auditOf(t, owner.orgId, incident.id)).map((e) => e.action)).toEqual(["incident.created"]);
    expect((await reportIncident(t, owner)).ref).toBe("INC-0002");
  });

  it("moves only along the allowed steps, refusing every other with 409 naming the allowed ones", async () => {
    const path: IncidentStatus[] = ["triaged", "contained", "resolved", "contained", "resolved", "closed"];
    let incident = await reportIncident(t, owner);
    for (const to of path) {
      const from = incident.status as IncidentStatus;
      for (const wrong of incidentStatuses.filter((s) => !incidentSteps[from].includes(s))) {
        const refused = await call("POST", `/incidents/${incident.id}/transition`, {
          to: wrong,
          version: incident.version,
        });
        expect(refused.statusCode, `${from} → ${wrong}`).toBe(409);
        expect(refused.json().error).toMatchObject({
          code: "illegal_transition",
          details: { allowed: incidentSteps[from] },
        });
      }
      const res = await call("POST", `/incidents/${incident.id}/transition`, { to, version: incident.version });
      expect(res.statusCode, res.body).toBe(200);
      incident = res.json();
      expect(incident.status).toBe(to);
    }
    expect(incident.closedAt).not.toBeNull();
    expect(incident.nextStatuses).toEqual([]);
    const steps = incident.timeline.filter((e: { kind: string }) => e.kind === "status_change");
    expect(steps.map((e: { fromStatus: string; toStatus: string }) => `${e.fromStatus}→${e.toStatus}`)).toEqual([
      "null→reported",
      "reported→triaged",
      "triaged→contained",
      "contained→resolved",
      "resolved→contained",
      "contained→resolved",
      "resolved→closed",
    ]);
    const closed = await call("POST", `/incidents/${incident.id}/transition`, {
      to: "resolved",
      version: incident.version,
    });
    expect(closed.json().error.message).toContain("can no longer change status");
    const audit = await auditOf(t, owner.orgId, incident.id);
    expect(audit.filter((e) => e.action === "incident.status_changed")).toHaveLength(path.length);
  });

  it("refuses a stale version with 409 and changes nothing", async () => {
    const incident = await reportIncident(t, owner);
    const moved = await call("POST", `/incidents/${incident.id}/transition`, {
      to: "triaged",
      version: 1,
      note: "Looked at it",
    });
    expect(moved.json().timeline.at(-1)).toMatchObject({ kind: "status_change", body: "Looked at it" });
    const stale = await call("PATCH", `/incidents/${incident.id}`, { version: 1, rootCause: "Prompt injection" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
    const again = await call("POST", `/incidents/${incident.id}/transition`, { to: "contained", version: 1 });
    expect(again.statusCode).toBe(409);
    expect((await call("GET", `/incidents/${incident.id}`)).json()).toMatchObject({ status: "triaged", rootCause: "" });
  });

  it("updates facts, root cause and affected systems, with the changes in the audit trail", async () => {
    const other = await givenSystem(t.db, owner.orgId, "hr-screening");
    const incident = await reportIncident(t, owner, { systemIds: [systemId] });
    const res = await call("PATCH", `/incidents/${incident.id}`, {
      version: incident.version,
      severity: "critical",
      rootCause: "The retrieval index held unredacted tickets.",
      systemIds: [other],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      severity: "critical",
      rootCause: "The retrieval index held unredacted tickets.",
      systems: [{ id: other }],
      version: 2,
    });
    const updated = (await auditOf(t, owner.orgId, incident.id)).find((e) => e.action === "incident.updated");
    expect(updated?.changes).toMatchObject({
      severity: { before: "high", after: "critical" },
      systemIds: { before: [systemId], after: [other] },
    });
    const foreignSystem = await givenSystem(t.db, stranger.orgId, "theirs");
    const refused = await call("PATCH", `/incidents/${incident.id}`, { version: 2, systemIds: [foreignSystem] });
    expect(refused.statusCode).toBe(404);
    expect((await call("GET", `/incidents/${incident.id}`)).json().systems).toMatchObject([{ id: other }]);
  });

  it("keeps notes and communications on the timeline", async () => {
    const incident = await reportIncident(t, owner);
    const noted = await call("POST", `/incidents/${incident.id}/timeline`, { body: "Disabled the retrieval tool." });
    expect(noted.statusCode, noted.body).toBe(200);
    const told = await call("POST", `/incidents/${incident.id}/communications`, {
      audience: "regulators",
      recipient: "Data protection authority",
      communicatedAt: "2026-05-02T10:00:00Z",
      channel: "portal",
      summary: "Notified the breach within 72 hours.",
    });
    expect(told.statusCode, told.body).toBe(200);
    const detail = told.json();
    expect(detail.communications).toMatchObject([
      {
        audience: "regulators",
        recipient: "Data protection authority",
        channel: "portal",
        recordedBy: { name: "Test owner" },
      },
    ]);
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual(["status_change", "note", "communication"]);
    const actions = (await auditOf(t, owner.orgId, incident.id)).map((e) => e.action);
    expect(actions).toEqual(["incident.created", "incident.note_added", "incident.communication_recorded"]);
  });

  it("links records of this organisation only, and removes links", async () => {
    const incident = await reportIncident(t, owner);
    const risk = (await call("POST", "/risks", { title: "Leaks personal data", systemId })).json();
    const theirRisk = (await orgCall(t, stranger)("POST", "/risks", { title: "Their risk" })).json();
    const linked = await call("POST", `/incidents/${incident.id}/links`, { kind: "risk", targetId: risk.id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().links).toMatchObject([
      { kind: "risk", targetId: risk.id, ref: risk.ref, title: "Leaks personal data" },
    ]);
    const twice = await call("POST", `/incidents/${incident.id}/links`, { kind: "risk", targetId: risk.id });
    expect(twice.json().links).toHaveLength(1);
    expect(
      (await call("POST", `/incidents/${incident.id}/links`, { kind: "risk", targetId: theirRisk.id })).statusCode,
    ).toBe(404);
    const missing = await call("POST", `/incidents/${incident.id}/links`, {
      kind: "nonconformity",
      targetId: theirRisk.id,
    });
    expect(missing.statusCode).toBe(404);
    const self = await call("POST", `/incidents/${incident.id}/links`, { kind: "incident", targetId: incident.id });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.details.fields[0].field).toBe("body.targetId");
    const earlier = await reportIncident(t, owner);
    const related = await call("POST", `/incidents/${incident.id}/links`, { kind: "incident", targetId: earlier.id });
    expect(related.json().links).toHaveLength(2);
    const linkId = linked.json().links[0].id;
    const removed = await call("POST", `/incidents/${incident.id}/links/${linkId}/remove`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().links.map((l: { kind: string }) => l.kind)).toEqual(["incident"]);
    expect((await call("POST", `/incidents/${incident.id}/links/${linkId}/remove`)).statusCode).toBe(404);
    const created = await reportIncident(t, owner, { links: [{ kind: "risk", id: theirRisk.id }] }).catch(
      (e: Error) => e,
    );
    expect(String(created)).toContain("404");
  });

  it("opens an incident from an alert: the alert is linked and its system affected", async () => {
    const metric = await defineMetric(t, owner, systemId, { name: "toxicity" });
    const pushed = await push(t, owner, "support-bot", [{ metric: "toxicity", value: 50 }]);
    expect(pushed.statusCode, pushed.body).toBe(201);
    const alert = await t.db
      .selectFrom("metric_alerts")
      .selectAll()
      .where("metric_id", "=", metric.id)
      .executeTakeFirstOrThrow();
    const incident = await reportIncident(t, owner, { title: "Toxic answers", alertIds: [alert.id] });
    expect(incident.systems).toMatchObject([{ id: systemId }]);
    expect(incident.links).toMatchObject([{ kind: "alert", targetId: alert.id, ref: alert.ref, title: "toxicity" }]);
    const byAlert = (await call("GET", `/incidents?alertId=${alert.id}`)).json();
    expect(byAlert.items.map((i: { id: string }) => i.id)).toEqual([incident.id]);
    const theirSystem = await givenSystem(t.db, stranger.orgId, "support-bot");
    await defineMetric(t, stranger, theirSystem, { name: "toxicity" });
    await push(t, stranger, "support-bot", [{ metric: "toxicity", value: 50 }]);
    const theirAlert = await t.db
      .selectFrom("metric_alerts")
      .select("id")
      .where("org_id", "=", stranger.orgId)
      .executeTakeFirstOrThrow();
    expect(
      (await call("POST", "/incidents", { title: "x", severity: "low", alertIds: [theirAlert.id] })).statusCode,
    ).toBe(404);
  });

  it("lists the nonconformities raised from the incident", async () => {
    const incident = await reportIncident(t, owner, { systemIds: [systemId] });
    const raised = await call("POST", "/nonconformities", {
      title: "Retention control not applied",
      severity: "major",
      source: "incident",
      sourceId: incident.id,
      systemId,
    });
    expect(raised.statusCode, raised.body).toBe(201);
    await call("POST", "/nonconformities", { title: "Unrelated", severity: "minor", source: "manual" });
    const detail = (await call("GET", `/incidents/${incident.id}`)).json();
    expect(detail.nonconformities).toMatchObject([
      { id: raised.json().id, ref: raised.json().ref, title: "Retention control not applied", severity: "major" },
    ]);
  });

  it("lists by status, severity and system, a page at a time", async () => {
    const lonely = await givenSystem(t.db, owner.orgId, "lonely");
    const a = await reportIncident(t, owner, { severity: "low", systemIds: [lonely] });
    const b = await reportIncident(t, owner, { severity: "low", systemIds: [lonely] });
    await call("POST", `/incidents/${a.id}/transition`, { to: "triaged", version: a.version });
    const bySystem = (await call("GET", `/incidents?systemId=${lonely}&limit=1`)).json();
    expect(bySystem.items.map((i: { id: string }) => i.id)).toEqual([b.id]);
    const next = (await call("GET", `/incidents?systemId=${lonely}&limit=1&cursor=${bySystem.nextCursor}`)).json();
    expect(next.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect(next.nextCursor).toBeNull();
    const triaged = (await call("GET", `/incidents?systemId=${lonely}&status=triaged`)).json();
    expect(triaged.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    const critical = (await call("GET", `/incidents?systemId=${lonely}&severity=critical`)).json();
    expect(critical.items).toEqual([]);
  });

  it("answers 404 across organisations, 403 to a read token, 400 naming bad fields", async () => {
    const incident = await reportIncident(t, owner);
    const theirs = orgCall(t, stranger);
    expect(
      (await t.call(stranger.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/incidents/${incident.id}` }))
        .statusCode,
    ).toBe(404);
    expect((await theirs("GET", `/incidents/${incident.id}`)).statusCode).toBe(404);
    expect((await theirs("POST", `/incidents/${incident.id}/timeline`, { body: "Not mine" })).statusCode).toBe(404);
    const read = await readToken(t, owner);
    expect((await call("POST", `/incidents/${incident.id}/timeline`, { body: "Read only" }, read)).statusCode).toBe(
      403,
    );
    expect((await call("GET", `/incidents/${incident.id}`, undefined, read)).statusCode).toBe(200);
    const viewer = await t.addMember(owner.orgId, "viewer");
    expect((await orgCall(t, viewer)("POST", "/incidents", { title: "Viewer", severity: "low" })).statusCode).toBe(403);
    const bad = await call("POST", "/incidents", { title: "", severity: "dreadful", systemIds: ["nope"] });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["body.title", "body.severity", "body.systemIds.0"]));
    // A year the database driver cannot read back is refused as input, not answered with a 500.
    const ancient = await call("POST", "/incidents", {
      title: "Typed the year wrong",
      severity: "low",
      detectedAt: "0031-12-31T23:59:59.999Z",
    });
    expect(ancient.statusCode).toBe(400);
    expect(ancient.json().error.details.fields).toEqual([
      expect.objectContaining({ field: "body.detectedAt", message: expect.stringContaining("1900") }),
    ]);
    const badComm = await call("POST", `/incidents/${incident.id}/communications`, {
      audience: "press",
      recipient: "",
      communicatedAt: "yesterday",
      channel: "pigeon",
      summary: "",
    });
    expect(
      badComm
        .json()
        .error.details.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(["body.audience", "body.channel", "body.communicatedAt", "body.recipient", "body.summary"]);
  });
});
