import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenSystem } from "../evidence/evidence-test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { givenAlert, givenIncident } from "./nonconformity-test-fixtures.js";

interface Detail {
  id: string;
  ref: string;
  status: string;
  version: number;
  severity: string;
  source: string;
  sourceId: string | null;
  sourceRef: string | null;
  missing: string[];
  actions: { id: string; status: string; version: number; doneAt: string | null }[];
  checks: { result: string; method: string; checkedBy: { name: string } | null }[];
}

describe("nonconformities and corrective actions", () => {
  let t: TestServer;
  let owner: TestMember;
  let checker: TestMember;
  let other: TestMember;
  let systemId: string;
  let incidentId: string;
  let alertId: string;
  let foreignIncidentId: string;

  type Method = "GET" | "POST" | "PATCH";
  const call = (who: TestMember, method: Method, path: string, payload?: object, token = who.token) =>
    t.call(token, { method, url: `/api/v1/orgs/${who.orgId}${path}`, ...(payload ? { payload } : {}) });
  const raise = async (payload: object, who = owner) => {
    const res = await call(who, "POST", "/nonconformities", payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Detail;
  };
  const detail = async (id: string) => (await call(owner, "GET", `/nonconformities/${id}`)).json() as Detail;
  const auditActions = async (entityId: string) =>
    (
      await t.db.selectFrom("audit_entries").select("action").where("entity_id", "=", entityId).orderBy("seq").execute()
    ).map((row) => row.action);

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Corrective");
    checker = await t.addMember(owner.orgId, "compliance_manager");
    other = await t.addOrg("Elsewhere");
    systemId = await givenSystem(t.db, owner.orgId, "support-bot");
    incidentId = await givenIncident(t.db, owner.orgId, "INC-7");
    alertId = await givenAlert(t.db, owner.orgId, systemId, "AL-3");
    foreignIncidentId = await givenIncident(t.db, other.orgId, "INC-1");
  });
  afterAll(() => t.close());

  it("raises nonconformities by hand and from an incident, an alert or an audit, checking the source record", async () => {
    const manual = await raise({ title: "Supplier review skipped", severity: "minor", source: "manual" });
    expect(manual).toMatchObject({ ref: "NC-1", status: "open", source: "manual", sourceId: null, actions: [] });
    expect(manual.missing).toEqual([
      "a corrective action that is done",
      "an effectiveness check with the result effective",
    ]);

    const fromIncident = await raise({
      title: "Output filter missed personal data",
      severity: "major",
      source: "incident",
      sourceId: incidentId,
      systemId,
    });
    expect(fromIncident).toMatchObject({ source: "incident", sourceId: incidentId, sourceRef: "INC-7" });
    const fromAlert = await raise({
      title: "Toxicity over limit",
      severity: "major",
      source: "alert",
      sourceId: alertId,
    });
    expect(fromAlert).toMatchObject({ source: "alert", sourceRef: "AL-3" });
    const fromAudit = await raise({ title: "Training records incomplete", severity: "minor", source: "audit" });
    expect(fromAudit).toMatchObject({ source: "audit", sourceId: null });
    expect(await auditActions(fromIncident.id)).toEqual(["nonconformity.created"]);

    const bySource = (await call(owner, "GET", `/nonconformities?source=incident&sourceId=${incidentId}`)).json();
    expect(bySource.items.map((i: Detail) => i.ref)).toEqual([fromIncident.ref]);
    const major = (await call(owner, "GET", `/nonconformities?severity=major&systemId=${systemId}`)).json();
    expect(major.items.map((i: Detail) => i.ref)).toEqual([fromIncident.ref]);

    const refusals = [
      [{ source: "incident" }, "must name an incident"],
      [{ source: "incident", sourceId: foreignIncidentId }, "is not an incident of this organisation"],
      [{ source: "alert", sourceId: incidentId }, "is not a monitoring alert of this organisation"],
      [{ source: "manual", sourceId: incidentId }, "must be left empty for this source; it has no record here"],
    ] as const;
    for (const [fields, message] of refusals) {
      const res = await call(owner, "POST", "/nonconformities", { title: "x", severity: "minor", ...fields });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.fields).toEqual([{ field: "body.sourceId", label: "Source", message }]);
    }
    const total = (await call(owner, "GET", "/nonconformities")).json().items.length;
    expect(total).toBe(4);
  });

  it("answers 400 naming the fields of a bad request, and changes nothing", async () => {
    const res = await call(owner, "POST", "/nonconformities", {
      title: " ",
      severity: "critical",
      source: "redteam_finding",
      systemId: "not-an-id",
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["body.title", "body.severity", "body.source", "body.systemId"]));
    const check = await call(
      owner,
      "POST",
      `/nonconformities/${(await raise({ title: "Bad check", severity: "minor", source: "manual" })).id}/effectiveness-checks`,
      {
        version: 1,
        checkedOn: "yesterday",
        method: "",
        result: "fine",
      },
    );
    expect(check.statusCode).toBe(400);
    expect(check.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(["body.checkedOn", "body.method", "body.result"]),
    );
  });

  it("walks open → action planned → awaiting check → closed, refusing every step out of turn", async () => {
    const nc = await raise({ title: "Model card out of date", severity: "minor", source: "manual", systemId });
    const early = await call(checker, "POST", `/nonconformities/${nc.id}/effectiveness-checks`, {
      version: nc.version,
      checkedOn: "2026-03-01",
      method: "Reviewed the model card",
      result: "effective",
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe(
      `Nonconformity ${nc.ref} is not ready for its effectiveness check: it needs a corrective action that is done.`,
    );

    const updated = await call(owner, "PATCH", `/nonconformities/${nc.id}`, {
      version: nc.version,
      correction: "Marked the card as outdated on the intranet.",
      rootCause: "Nobody owns the card after a retraining.",
      rootCauseMethod: "five_whys",
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ rootCauseMethod: "five_whys", version: nc.version + 1 });
    const stale = await call(owner, "PATCH", `/nonconformities/${nc.id}`, { version: nc.version, title: "Again" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");

    const first = await call(owner, "POST", `/nonconformities/${nc.id}/actions`, {
      title: "Name an owner for model cards",
      ownerMemberId: null,
      dueDate: "2026-04-01",
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = (
      await call(owner, "POST", `/nonconformities/${nc.id}/actions`, { title: "Add the card to the release gate" })
    ).json();
    expect(await detail(nc.id)).toMatchObject({ status: "action_planned" });

    const action = first.json();
    const started = await call(owner, "PATCH", `/nonconformities/${nc.id}/actions/${action.id}`, {
      version: action.version,
      status: "in_progress",
    });
    expect(started.statusCode, started.body).toBe(200);
    const done = await call(owner, "PATCH", `/nonconformities/${nc.id}/actions/${action.id}`, {
      version: action.version + 1,
      status: "done",
    });
    expect(done.json()).toMatchObject({ status: "done" });
    expect(done.json().doneAt).not.toBeNull();
    const reopen = await call(owner, "PATCH", `/nonconformities/${nc.id}/actions/${action.id}`, {
      version: action.version + 2,
      status: "open",
    });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().error).toMatchObject({
      code: "illegal_transition",
      message: "This corrective action is done and can no longer change status; plan a new action instead.",
    });

    const waiting = await detail(nc.id);
    expect(waiting).toMatchObject({ status: "action_planned" });
    expect(waiting.missing[0]).toBe("its unfinished corrective action done or cancelled");
    await call(owner, "PATCH", `/nonconformities/${nc.id}/actions/${second.id}`, {
      version: second.version,
      status: "cancelled",
    });
    const ready = await detail(nc.id);
    expect(ready).toMatchObject({
      status: "awaiting_check",
      missing: ["an effectiveness check with the result effective"],
    });

    const closed = await call(checker, "POST", `/nonconformities/${nc.id}/effectiveness-checks`, {
      version: ready.version,
      checkedOn: "2026-05-01",
      method: "Sampled three releases for a current card",
      result: "effective",
    });
    expect(closed.statusCode, closed.body).toBe(201);
    expect(closed.json()).toMatchObject({
      status: "closed",
      missing: [],
      checks: [{ result: "effective", checkedBy: { name: "Test compliance_manager" } }],
    });
    expect(closed.json().closedAt).not.toBeNull();

    const afterClose = await call(owner, "POST", `/nonconformities/${nc.id}/actions`, { title: "Late action" });
    expect(afterClose.statusCode).toBe(409);
    const editClosed = await call(owner, "PATCH", `/nonconformities/${nc.id}`, {
      version: closed.json().version,
      title: "Renamed",
    });
    expect(editClosed.statusCode).toBe(409);
    expect(await auditActions(nc.id)).toEqual([
      "nonconformity.created",
      "nonconformity.updated",
      "nonconformity.status_changed",
      "nonconformity.status_changed",
      "nonconformity.closed",
    ]);
  });

  /** A nonconformity raised by `raiser` with one corrective action done, awaiting its check. */
  async function awaitingCheck(raiser: TestMember) {
    const nc = await raise({ title: "Logs not retained", severity: "major", source: "manual" }, raiser);
    const action = (await call(owner, "POST", `/nonconformities/${nc.id}/actions`, { title: "Fix retention" })).json();
    await call(owner, "PATCH", `/nonconformities/${nc.id}/actions/${action.id}`, { version: 1, status: "done" });
    return detail(nc.id);
  }

  it("reopens after a not-effective check, keeps that check in the history, and closes after the next round", async () => {
    const nc = await awaitingCheck(owner);
    const failed = await call(checker, "POST", `/nonconformities/${nc.id}/effectiveness-checks`, {
      version: nc.version,
      checkedOn: "2026-05-02",
      method: "Looked for last month's logs",
      result: "not_effective",
      notes: "Still deleted after a week.",
    });
    expect(failed.statusCode, failed.body).toBe(201);
    expect(failed.json()).toMatchObject({ status: "open", checks: [{ result: "not_effective" }] });
    expect(failed.json().missing[0]).toBe("a corrective action that is done");

    const action = (
      await call(owner, "POST", `/nonconformities/${nc.id}/actions`, { title: "Move logs to cold storage" })
    ).json();
    expect(await detail(nc.id)).toMatchObject({ status: "action_planned" });
    await call(owner, "PATCH", `/nonconformities/${nc.id}/actions/${action.id}`, { version: 1, status: "done" });
    const ready = await detail(nc.id);
    expect(ready.status).toBe("awaiting_check");
    const closed = await call(checker, "POST", `/nonconformities/${nc.id}/effectiveness-checks`, {
      version: ready.version,
      checkedOn: "2026-06-02",
      method: "Looked for last month's logs",
      result: "effective",
    });
    expect(closed.json()).toMatchObject({
      status: "closed",
      checks: [{ result: "effective" }, { result: "not_effective" }],
    });
    expect(await auditActions(nc.id)).toContain("nonconformity.reopened");
  });

  it("refuses the effectiveness check to whoever raised the nonconformity", async () => {
    const nc = await awaitingCheck(checker);
    const own = await call(checker, "POST", `/nonconformities/${nc.id}/effectiveness-checks`, {
      version: nc.version,
      checkedOn: "2026-05-03",
      method: "Checked it myself",
      result: "effective",
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().error).toMatchObject({ code: "segregation_of_duties" });
    expect(own.json().error.message).toContain(`you wrote nonconformity ${nc.ref}`);
    expect((await detail(nc.id)).status).toBe("awaiting_check");
    const approvalCheck = await call(checker, "GET", `/approval-check?kind=nonconformity_check&id=${nc.id}`);
    expect(approvalCheck.json().mayApprove).toBe(false);

    const byOwner = await call(owner, "POST", `/nonconformities/${nc.id}/effectiveness-checks`, {
      version: nc.version,
      checkedOn: "2026-05-03",
      method: "Independent review",
      result: "effective",
    });
    expect(byOwner.statusCode, byOwner.body).toBe(201);
  });

  it("answers 404 for another organisation's records and 403 to a read-only token", async () => {
    const nc = await raise({ title: "Scoped", severity: "minor", source: "manual" });
    const foreign = await t.call(other.token, {
      method: "GET",
      url: `/api/v1/orgs/${other.orgId}/nonconformities/${nc.id}`,
    });
    expect(foreign.statusCode).toBe(404);
    const foreignAction = await t.call(other.token, {
      method: "POST",
      url: `/api/v1/orgs/${other.orgId}/nonconformities/${nc.id}/actions`,
      payload: { title: "Not ours" },
    });
    expect(foreignAction.statusCode).toBe(404);

    const read = (await call(owner, "POST", "/tokens", { name: "read", scope: "read" })).json().secret as string;
    expect((await call(owner, "GET", `/nonconformities/${nc.id}`, undefined, read)).statusCode).toBe(200);
    const refused = await call(
      owner,
      "POST",
      "/nonconformities",
      { title: "x", severity: "minor", source: "manual" },
      read,
    );
    expect(refused.statusCode).toBe(403);
    const refusedAction = await call(owner, "POST", `/nonconformities/${nc.id}/actions`, { title: "x" }, read);
    expect(refusedAction.statusCode).toBe(403);
  });
});
