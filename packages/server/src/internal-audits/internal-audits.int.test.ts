import type { ChecklistItem, InternalAuditDetail } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { membershipIdOf, orgCaller } from "./internal-audit-testing.js";

describe("internal audits: programme → audit → checklist → nonconformity → close", () => {
  let t: TestServer;
  let call: ReturnType<typeof orgCaller>;
  let owner: TestMember;
  let manager: TestMember;
  let lead: TestMember;
  let other: TestMember;
  let leadId: string;
  let managerId: string;
  let systemId: string;
  let evidenceId: string;
  let foreignEvidenceId: string;
  let programmeId: string;
  let audit: InternalAuditDetail;

  const item = (requirementId: string) => audit.items.find((i) => i.requirementId === requirementId) as ChecklistItem;
  const reload = async () => {
    const res = await call(owner, "GET", `/internal-audits/${audit.id}`);
    expect(res.statusCode, res.body).toBe(200);
    audit = res.json();
    return audit;
  };
  const answer = async (requirementId: string, fields: object, who = lead) => {
    const res = await call(who, "PATCH", `/internal-audits/${audit.id}/items/${item(requirementId).id}`, {
      version: item(requirementId).version,
      ...fields,
    });
    await reload();
    return res;
  };
  const move = async (to: string, extra: object = {}, who = lead) => {
    const res = await call(who, "POST", `/internal-audits/${audit.id}/transition`, {
      version: audit.version,
      to,
      ...extra,
    });
    if (res.statusCode === 200) audit = res.json();
    return res;
  };

  beforeAll(async () => {
    t = await startTestServer();
    call = orgCaller(t);
    owner = await t.addOrg("Audited Org");
    manager = await t.addMember(owner.orgId, "compliance_manager");
    lead = await t.addMember(owner.orgId, "auditor");
    other = await t.addOrg("Other Org");
    leadId = await membershipIdOf(t, lead);
    managerId = await membershipIdOf(t, manager);
    const system = await call(owner, "POST", "/systems", {
      name: "Support bot",
      ourRole: "provider",
      impactTier: "low",
      autonomy: "advisory",
      ownerId: leadId,
    });
    expect(system.statusCode, system.body).toBe(201);
    systemId = system.json().id;
    evidenceId = (
      await call(owner, "POST", "/evidence", { kind: "record", title: "Test report", body: "passed" })
    ).json().id;
    foreignEvidenceId = (await call(other, "POST", "/evidence", { kind: "record", title: "Theirs", body: "x" })).json()
      .id;
  });
  afterAll(() => t.close());

  it("plans a programme for a period, and refuses a period that ends before it starts", async () => {
    const bad = await call(manager, "POST", "/audit-programmes", {
      title: "",
      periodStart: "2026-12-31",
      periodEnd: "2026-01-01",
      frequency: "weekly",
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["body.title", "body.frequency"]));
    const order = await call(manager, "POST", "/audit-programmes", {
      title: "2026 programme",
      periodStart: "2026-12-31",
      periodEnd: "2026-01-01",
      frequency: "quarterly",
    });
    expect(order.json().error.details.fields).toEqual([
      expect.objectContaining({ field: "body.periodEnd", message: "must be on or after the period start" }),
    ]);

    const res = await call(manager, "POST", "/audit-programmes", {
      title: "2026 programme",
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      frequency: "quarterly",
      objectives: "Cover every clause and the high-impact systems in the year.",
      methods: "Interviews, record sampling in OpenAIMS, observation.",
      responsibilities: "The compliance manager plans; auditors from outside the audited team.",
      reporting: "Report to the AI steering group within two weeks.",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      ref: "AP-1",
      frequency: "quarterly",
      expectedAudits: 4,
      status: "active",
      audits: [],
      createdBy: { memberId: managerId },
    });
    programmeId = res.json().id;
    const list = await call(owner, "GET", "/audit-programmes");
    expect(list.json().items.map((p: { ref: string }) => p.ref)).toEqual(["AP-1"]);
  });

  it("plans an audit from the programme with its checklist seeded from the scope, and warns that the lead owns the system", async () => {
    const res = await call(manager, "POST", "/internal-audits", {
      title: "Audit and review, and V&V of the support bot",
      programmeId,
      scope: { clauseIds: ["9.2"], controlIds: ["A.6.2.4"], systemIds: [systemId], processes: ["model release"] },
      plannedStart: "2026-03-02",
      plannedEnd: "2026-03-13",
      leadAuditorMemberId: leadId,
      auditorMemberIds: [leadId],
    });
    expect(res.statusCode, res.body).toBe(201);
    audit = res.json();
    expect(audit).toMatchObject({
      ref: "IA-1",
      status: "planned",
      nextStatuses: ["in_progress", "cancelled"],
      programme: { id: programmeId, ref: "AP-1" },
      lead: { memberId: leadId },
      auditors: [],
      scope: { clauseIds: ["9.2"], controlIds: ["A.6.2.4"], systems: [{ id: systemId, name: "Support bot" }] },
      progress: { answered: 0, total: 3 },
    });
    expect(audit.criteria).toContain("ISO/IEC 42001");
    expect(audit.criteria).toContain("AI policy");
    expect(audit.items.map((i) => [i.requirementKind, i.requirementId, i.title])).toEqual([
      ["clause", "9.2.1", "General"],
      ["clause", "9.2.2", "Internal audit programme"],
      ["annex_a", "A.6.2.4", "AI system verification and validation"],
    ]);
    expect(item("A.6.2.4").procedure).toContain("red-team");
    expect(item("A.6.2.4").passCriterion.length).toBeGreaterThan(20);
    expect(audit.independenceWarnings).toEqual([
      expect.objectContaining({
        auditor: { memberId: leadId, name: "Test auditor" },
        teamRole: "lead",
        records: [expect.objectContaining({ kind: "ai_system", id: systemId, relation: "owner" })],
      }),
    ]);
    expect(audit.independenceWarnings[0]?.message).toContain("Test auditor (lead auditor) owns AI system");
    const programme = (await call(owner, "GET", `/audit-programmes/${programmeId}`)).json();
    expect(programme.audits.map((a: { ref: string }) => a.ref)).toEqual(["IA-1"]);
    expect(programme.auditCounts.planned).toBe(1);
  });

  it("answers 400 naming each bad field of a planned audit", async () => {
    const res = await call(manager, "POST", "/internal-audits", {
      title: "Bad",
      programmeId,
      scope: { clauseIds: ["11.1"], controlIds: ["A.99"], systemIds: [foreignEvidenceId] },
      plannedStart: "2027-03-02",
      plannedEnd: "2027-03-13",
      leadAuditorMemberId: foreignEvidenceId,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res.json().error.details.fields.map((f: { field: string; message: string }) => [f.field, f.message]),
    ).toEqual([
      ["body.plannedStart", "must fall within programme AP-1's period, 2026-01-01 to 2026-12-31"],
      ["body.scope.clauseIds", "11.1 is not a clause id of ISO/IEC 42001 clauses 4–10, such as 6.1.2"],
      ["body.scope.controlIds", "A.99 is not an Annex A control id, such as A.6.2.4"],
      ["body.scope.systemIds", `${foreignEvidenceId} is not an active AI system of this organisation`],
      ["body.leadAuditorMemberId", "is not a member of this organisation"],
    ]);
    const schema = await call(manager, "POST", "/internal-audits", { title: "x", plannedStart: "soon" });
    expect(schema.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(["body.plannedStart", "body.plannedEnd", "body.leadAuditorMemberId"]),
    );
  });

  it("follows the steps: no answers before fieldwork, illegal steps refused naming the allowed ones", async () => {
    const early = await answer("9.2.1", { result: "conforming" });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe(
      "Checklist items are answered while the audit is in progress; IA-1 is planned, so start the audit first.",
    );
    const skip = await move("closed");
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error).toMatchObject({
      code: "illegal_transition",
      message: "IA-1: An audit that is planned can move to in progress or cancelled, not to closed.",
      details: { allowed: ["in_progress", "cancelled"] },
    });
    const started = await move("in_progress");
    expect(started.statusCode, started.body).toBe(200);
    expect(audit).toMatchObject({ status: "in_progress", nextStatuses: ["reporting", "cancelled"] });
    expect(audit.startedAt).not.toBeNull();
    const stale = await call(lead, "POST", `/internal-audits/${audit.id}/transition`, { version: 1, to: "reporting" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
  });

  it("records results with notes, samples and evidence of this organisation only", async () => {
    const ok = await answer("9.2.1", {
      result: "conforming",
      notes: "Two audits in 2025 reported to the steering group.",
      samples: "IA-2025-1, IA-2025-2",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ result: "conforming", answeredBy: { memberId: leadId } });
    const linked = await call(lead, "PUT", `/internal-audits/${audit.id}/items/${item("9.2.1").id}/evidence`, {
      version: item("9.2.1").version,
      evidenceIds: [evidenceId],
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().evidence).toEqual([expect.objectContaining({ id: evidenceId, title: "Test report" })]);
    const foreign = await call(lead, "PUT", `/internal-audits/${audit.id}/items/${item("9.2.1").id}/evidence`, {
      version: linked.json().version,
      evidenceIds: [evidenceId, foreignEvidenceId],
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.message).toBe(`Evidence '${foreignEvidenceId}' was not found in this organisation.`);
    const notTeam = await answer("9.2.2", { assigneeMemberId: managerId });
    expect(notTeam.statusCode).toBe(400);
    expect(notTeam.json().error.details.fields[0]).toMatchObject({ field: "body.assigneeMemberId" });
    const assigned = await answer("9.2.2", { assigneeMemberId: leadId });
    expect(assigned.json().assignee).toEqual({ memberId: leadId, name: "Test auditor" });

    const major = await answer("A.6.2.4", {
      result: "major_nc",
      notes: "No validation results for the last two releases.",
      samples: "Releases 3.1 and 3.2",
    });
    expect(major.statusCode, major.body).toBe(200);
    expect(audit.progress).toMatchObject({ answered: 2, total: 3, counts: { conforming: 1, major_nc: 1 } });
  });

  it("raises a nonconformity from a major result once, in the nonconformity flow, linked back to the audit", async () => {
    const path = `/internal-audits/${audit.id}/items/${item("A.6.2.4").id}/nonconformity`;
    const fromConforming = await call(
      lead,
      "POST",
      `/internal-audits/${audit.id}/items/${item("9.2.1").id}/nonconformity`,
      {
        version: item("9.2.1").version,
      },
    );
    expect(fromConforming.statusCode).toBe(409);
    expect(fromConforming.json().error.message).toContain("this item's result is conforming");

    const raised = await call(lead, "POST", path, { version: item("A.6.2.4").version });
    expect(raised.statusCode, raised.body).toBe(201);
    const { record, item: raisedItem } = raised.json();
    expect(record.ref).toMatch(/^NC-\d+$/);
    expect(raisedItem.nonconformity).toEqual({ id: record.id, ref: record.ref, status: "open" });
    const nc = (await call(owner, "GET", `/nonconformities/${record.id}`)).json();
    expect(nc).toMatchObject({
      title: "IA-1 A.6.2.4 AI system verification and validation: major nonconformity",
      severity: "major",
      source: "audit",
      sourceId: audit.id,
      sourceRef: "IA-1",
      system: { id: systemId },
      raisedBy: { memberId: leadId },
    });
    expect(nc.description).toContain("No validation results for the last two releases.");

    const again = await call(lead, "POST", path, { version: raisedItem.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(`${record.ref} was already raised from this checklist item.`);
    const bySource = (await call(owner, "GET", `/nonconformities?source=audit&sourceId=${audit.id}`)).json();
    expect(bySource.items.map((i: { ref: string }) => i.ref)).toEqual([record.ref]);

    await reload();
    const changed = await answer("A.6.2.4", { result: "conforming" });
    expect(changed.statusCode).toBe(409);
    expect(audit.nonconformities).toEqual([expect.objectContaining({ ref: record.ref, itemId: item("A.6.2.4").id })]);

    // The nonconformity then takes the usual path to closing.
    const action = await call(manager, "POST", `/nonconformities/${record.id}/actions`, {
      title: "Validate every release",
    });
    expect(action.statusCode, action.body).toBe(201);
    const done = await call(manager, "PATCH", `/nonconformities/${record.id}/actions/${action.json().id}`, {
      version: action.json().version,
      status: "done",
    });
    expect(done.statusCode, done.body).toBe(200);
    const current = (await call(owner, "GET", `/nonconformities/${record.id}`)).json();
    const checked = await call(manager, "POST", `/nonconformities/${record.id}/effectiveness-checks`, {
      version: current.version,
      checkedOn: "2026-04-15",
      method: "Sampled the next two releases' validation reports",
      result: "effective",
    });
    expect(checked.statusCode, checked.body).toBe(201);
    expect(checked.json().status).toBe("closed");
  });

  it("refuses to close with unanswered items, naming them, then without a conclusion; closes once both are there", async () => {
    expect((await move("reporting")).statusCode).toBe(200);
    const open = await move("closed", { conclusion: "Programme works; V&V gap raised." });
    expect(open.statusCode).toBe(409);
    expect(open.json().error).toMatchObject({
      code: "illegal_transition",
      message:
        "IA-1 cannot be closed: 1 checklist item is still unanswered (9.2.2). Move the audit back to in progress and record a result for each.",
      details: { unanswered: ["9.2.2"] },
    });
    expect((await answer("9.2.2", { result: "opportunity" })).statusCode).toBe(409);

    expect((await move("in_progress")).statusCode).toBe(200);
    expect((await answer("9.2.2", { result: "opportunity", notes: "Plan audits by risk." })).statusCode).toBe(200);
    const logged = await call(lead, "POST", `/internal-audits/${audit.id}/items/${item("9.2.2").id}/improvement`, {
      version: item("9.2.2").version,
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const improvement = (await call(owner, "GET", `/improvements/${logged.json().record.id}`)).json();
    expect(improvement).toMatchObject({ source: "audit", sourceId: audit.id, sourceRef: "IA-1", status: "proposed" });
    const twice = await call(lead, "POST", `/internal-audits/${audit.id}/items/${item("9.2.2").id}/improvement`, {
      version: logged.json().item.version,
    });
    expect(twice.statusCode).toBe(409);

    await reload();
    expect((await move("reporting")).statusCode).toBe(200);
    const noConclusion = await move("closed");
    expect(noConclusion.statusCode).toBe(409);
    expect(noConclusion.json().error.message).toMatch(/^IA-1 cannot be closed without a conclusion/);
    const closed = await move("closed", { conclusion: "The audit programme works; V&V evidence is missing (major)." });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(audit).toMatchObject({ status: "closed", nextStatuses: [], progress: { answered: 3, total: 3 } });
    expect(audit.closedAt).not.toBeNull();
    const after = await answer("9.2.1", { notes: "late" });
    expect(after.statusCode).toBe(409);
    const edit = await call(lead, "PATCH", `/internal-audits/${audit.id}`, { version: audit.version, title: "x" });
    expect(edit.statusCode).toBe(409);
  });

  it("writes every change to the audit trail", async () => {
    const actions = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("org_id", "=", owner.orgId)
      .where("action", "like", "internal_audit.%")
      .orderBy("seq")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "internal_audit.created",
        "internal_audit.status_changed",
        "internal_audit.item_answered",
        "internal_audit.item_assigned",
        "internal_audit.item_evidence_set",
        "internal_audit.nonconformity_raised",
        "internal_audit.improvement_logged",
      ]),
    );
    const programmeEntries = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("entity_id", "=", programmeId)
      .execute();
    expect(programmeEntries.map((e) => e.action)).toEqual(["audit_programme.created"]);
  });

  it("answers 404 for another organisation's programme, audit, item and evidence", async () => {
    for (const path of [`/audit-programmes/${programmeId}`, `/internal-audits/${audit.id}`]) {
      const res = await call(other, "GET", path);
      expect(res.statusCode, path).toBe(404);
    }
    const theirs = await call(other, "POST", "/internal-audits", {
      title: "Theirs",
      plannedStart: "2026-01-01",
      plannedEnd: "2026-01-02",
      leadAuditorMemberId: await membershipIdOf(t, other),
      scope: { controlIds: ["A.2.2"] },
    });
    expect(theirs.statusCode, theirs.body).toBe(201);
    const theirItem = theirs.json().items[0].id;
    const crossed = await call(owner, "PATCH", `/internal-audits/${audit.id}/items/${theirItem}`, {
      version: 1,
      notes: "x",
    });
    expect(crossed.statusCode).toBe(404);
    const report = await call(owner, "GET", `/internal-audits/${theirs.json().id}/report?format=pdf`);
    expect(report.statusCode).toBe(404);
  });

  it("lists audits by status, programme and system, and changes a planned audit's scope with its checklist", async () => {
    const res = await call(manager, "POST", "/internal-audits", {
      title: "Whole standard",
      plannedStart: "2026-06-01",
      plannedEnd: "2026-06-30",
      leadAuditorMemberId: managerId,
    });
    expect(res.statusCode, res.body).toBe(201);
    const whole: InternalAuditDetail = res.json();
    expect(whole.progress.total).toBe(70);
    expect(whole.programme).toBeNull();
    const narrowed = await call(manager, "PATCH", `/internal-audits/${whole.id}`, {
      version: whole.version,
      scope: { clauseIds: ["5"], controlIds: [], systemIds: [systemId], processes: [] },
    });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    expect(narrowed.json().items.map((i: ChecklistItem) => i.requirementId)).toEqual(["5.1", "5.2", "5.3"]);

    const bySystem = (await call(owner, "GET", `/internal-audits?systemId=${systemId}`)).json();
    expect(bySystem.items.map((a: { ref: string }) => a.ref)).toEqual([whole.ref, "IA-1"]);
    const closed = (await call(owner, "GET", "/internal-audits?status=closed")).json();
    expect(closed.items.map((a: { ref: string }) => a.ref)).toEqual(["IA-1"]);
    const inProgramme = (await call(owner, "GET", `/internal-audits?programmeId=${programmeId}`)).json();
    expect(inProgramme.items.map((a: { ref: string }) => a.ref)).toEqual(["IA-1"]);

    const cancel = await call(manager, "POST", `/internal-audits/${whole.id}/transition`, {
      version: narrowed.json().version,
      to: "cancelled",
    });
    expect(cancel.statusCode).toBe(400);
    expect(cancel.json().error.details.fields[0]).toMatchObject({ field: "body.conclusion" });
    const cancelled = await call(manager, "POST", `/internal-audits/${whole.id}/transition`, {
      version: narrowed.json().version,
      to: "cancelled",
      conclusion: "Merged into the autumn audit.",
    });
    expect(cancelled.json()).toMatchObject({ status: "cancelled", conclusion: "Merged into the autumn audit." });
  });
});
