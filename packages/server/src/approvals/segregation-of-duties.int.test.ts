import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeContent, createSystem } from "../impact-assessments/impact-assessment-test-data.js";
import { dayFromToday, membershipId } from "../risks/test-fixtures.js";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

describe("segregation of duties", () => {
  let t: TestServer;
  let owner: TestMember;
  let second: TestMember;
  let contributor: TestMember;
  let solo: TestMember;
  let other: TestMember;

  type Method = "GET" | "POST" | "PATCH";
  const call = (who: TestMember, method: Method, path: string, payload?: object) =>
    t.call(who.token, { method, url: `/api/v1/orgs/${who.orgId}${path}`, ...(payload ? { payload } : {}) });
  const expectRefusal = (res: { statusCode: number; json: () => { error: { code: string; message: string } } }) => {
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("segregation_of_duties");
    return res.json().error.message;
  };
  const auditActions = async (orgId: string, entityId: string) =>
    (
      await t.db
        .selectFrom("audit_entries")
        .select("action")
        .where("org_id", "=", orgId)
        .where("entity_id", "=", entityId)
        .orderBy("seq")
        .execute()
    ).map((row) => row.action);

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Two Person Org");
    second = await t.addMember(owner.orgId, "compliance_manager");
    contributor = await t.addMember(owner.orgId, "contributor");
    solo = await t.addOrg("One Person Org");
    other = await t.addOrg("Elsewhere");
  });
  afterAll(() => t.close());

  /** A document written by `author` and submitted by `submitter`; returns the version in review. */
  async function documentInReview(author: TestMember, submitter = author) {
    const created = await call(author, "POST", "/documents", {
      title: "Change procedure",
      kind: "procedure",
      body: "# Steps\n",
    });
    expect(created.statusCode, created.body).toBe(201);
    const doc = created.json();
    const versionId = doc.versions[0].id;
    const submitted = await call(submitter, "POST", `/documents/${doc.id}/versions/${versionId}/submit`, {
      version: 1,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    return { doc, version: submitted.json() };
  }
  const approveVersion = (
    who: TestMember,
    docId: string,
    version: { id: string; version: number; bodySha256: string },
  ) =>
    call(who, "POST", `/documents/${docId}/versions/${version.id}/approve`, {
      version: version.version,
      bodySha256: version.bodySha256,
    });

  describe("document versions", () => {
    it("refuses the member who submitted a version, changes nothing, and lets the other member approve", async () => {
      const { doc, version } = await documentInReview(owner);
      const message = expectRefusal(await approveVersion(owner, doc.id, version));
      expect(message).toBe(
        `Segregation of duties: you submitted version 1 of ${doc.ref}, so another member must approve it. An owner or admin can change this rule in Organisation settings.`,
      );
      const unchanged = (await call(owner, "GET", `/documents/${doc.id}/versions/${version.id}`)).json();
      expect(unchanged).toMatchObject({ status: "in_review", version: version.version, approvedBy: null });
      expect(await auditActions(owner.orgId, version.id)).not.toContain("document_version.approved");

      const approved = await approveVersion(second, doc.id, version);
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json()).toMatchObject({ status: "approved", approvedBy: { name: "Test compliance_manager" } });
    });

    it("also refuses the member who wrote a version someone else submitted", async () => {
      const { doc, version } = await documentInReview(owner, second);
      expect(expectRefusal(await approveVersion(owner, doc.id, version))).toContain(
        `you wrote version 1 of ${doc.ref}`,
      );
      expect(expectRefusal(await approveVersion(second, doc.id, version))).toContain("you submitted");
      const check = await call(contributor, "GET", `/approval-check?kind=document_version&id=${version.id}`);
      expect(check.json()).toEqual({ mayApprove: true, reason: null });
    });
  });

  it("refuses the author of an impact assessment revision; another member approves it", async () => {
    const systemId = await createSystem(t, owner, "Support chatbot", { intendedUse: "Answers order questions." });
    const draft = (await call(owner, "POST", `/systems/${systemId}/impact-assessments`, {})).json();
    await call(owner, "PATCH", `/impact-assessments/${draft.id}`, { content: completeContent(), version: 1 });
    const submitted = (await call(owner, "POST", `/impact-assessments/${draft.id}/submit`, { version: 2 })).json();
    const payload = { contentHash: submitted.contentHash, version: 3 };

    const message = expectRefusal(await call(owner, "POST", `/impact-assessments/${draft.id}/approve`, payload));
    expect(message).toContain(`you submitted ${draft.ref}, so another member must approve it`);
    const unchanged = (await call(owner, "GET", `/impact-assessments/${draft.id}`)).json();
    expect(unchanged).toMatchObject({ status: "submitted", version: 3 });
    expect(await auditActions(owner.orgId, draft.id)).not.toContain("impact_assessment.approved");
    const check = (await call(owner, "GET", `/approval-check?kind=impact_assessment&id=${draft.id}`)).json();
    expect(check).toEqual({ mayApprove: false, reason: message });

    const approved = await call(second, "POST", `/impact-assessments/${draft.id}/approve`, payload);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe("approved");
  });

  it("refuses whoever changed the Statement of Applicability since its last approval", async () => {
    const controls = await t.db
      .selectFrom("controls")
      .select(["id", "version"])
      .where("org_id", "=", owner.orgId)
      .where("archived_at", "is", null)
      .execute();
    const decided = await call(owner, "POST", "/controls/bulk-applicability", {
      items: controls.map((control) => ({ controlId: control.id, version: control.version })),
      applicable: true,
      justification: "Needed for the systems in scope.",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const draft = (await call(owner, "GET", "/soa")).json();
    expect(draft.issues).toEqual([]);

    const message = expectRefusal(await call(owner, "POST", "/soa/approve", { contentHash: draft.contentHash }));
    expect(message).toContain("you changed the Statement of Applicability, so another member must approve it");
    expect(await t.db.selectFrom("soa_versions").select("id").where("org_id", "=", owner.orgId).execute()).toEqual([]);
    const first = await call(second, "POST", "/soa/approve", { contentHash: draft.contentHash });
    expect(first.statusCode).toBe(201);

    // After the approval only the new changes count: now the second member is the author.
    const control = (await call(second, "GET", `/controls/${controls[0]?.id}`)).json();
    const changed = await call(second, "PATCH", `/controls/${control.id}`, {
      justification: "Needed for every system in scope.",
      version: control.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const next = (await call(owner, "GET", "/soa")).json();
    expect(expectRefusal(await call(second, "POST", "/soa/approve", { contentHash: next.contentHash }))).toContain(
      "you changed the Statement of Applicability since its last approval",
    );
    const again = await call(owner, "POST", "/soa/approve", { contentHash: next.contentHash });
    expect(again.statusCode).toBe(201);
    expect(again.json().number).toBe(2);
  });

  it("refuses the risk owner accepting their own risk; another member accepts it", async () => {
    const created = await call(owner, "POST", "/risks", {
      title: "Prompt injection through uploaded files",
      inherentLikelihood: 1,
      inherentImpact: 2,
      ownerMemberId: await membershipId(t, second),
    });
    expect(created.statusCode, created.body).toBe(201);
    const risk = created.json();
    const payload = { version: risk.version, rationale: "Low rating, monitored weekly.", expiresOn: dayFromToday(90) };
    const message = expectRefusal(await call(second, "POST", `/risks/${risk.id}/accept`, payload));
    expect(message).toContain(`you own risk ${risk.ref}, so another member must accept it`);
    const unchanged = (await call(owner, "GET", `/risks/${risk.id}`)).json();
    expect(unchanged).toMatchObject({ status: risk.status, acceptances: [], version: risk.version });

    const accepted = await call(owner, "POST", `/risks/${risk.id}/accept`, payload);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe("accepted");
  });

  it("lets the only member of an organisation approve their own work", async () => {
    const { doc, version } = await documentInReview(solo);
    const approved = await approveVersion(solo, doc.id, version);
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await call(solo, "GET", "")).json().segregationOfDuties).toBe(true);
  });

  it("is an organisation setting only an owner or admin changes, recorded in the audit trail", async () => {
    const org = (await call(owner, "GET", "")).json();
    expect(org.segregationOfDuties).toBe(true);
    for (const who of [contributor, second]) {
      const refused = await call(who, "PATCH", "", { segregationOfDuties: false, version: org.version });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe("forbidden");
    }
    const bad = await call(owner, "PATCH", "", { segregationOfDuties: "no", version: org.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe("body.segregationOfDuties");

    const off = await call(owner, "PATCH", "", { segregationOfDuties: false, version: org.version });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ segregationOfDuties: false, name: org.name, version: org.version + 1 });
    const entry = await t.db
      .selectFrom("audit_entries")
      .select(["action", "changes", "actor_id"])
      .where("org_id", "=", owner.orgId)
      .where("entity_id", "=", owner.orgId)
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({
      action: "organization.updated",
      changes: { segregationOfDuties: { before: true, after: false } },
      actor_id: owner.userId,
    });

    const { doc, version } = await documentInReview(owner);
    expect((await approveVersion(owner, doc.id, version)).statusCode).toBe(200);

    const on = await call(owner, "PATCH", "", { segregationOfDuties: true, version: org.version + 1 });
    expect(on.json().segregationOfDuties).toBe(true);
  });

  it("answers 404 for another organisation's records and 400 without the record id", async () => {
    const { version } = await documentInReview(other);
    const foreign = await call(owner, "GET", `/approval-check?kind=document_version&id=${version.id}`);
    expect(foreign.statusCode).toBe(404);
    const foreignOrg = await t.call(owner.token, {
      method: "PATCH",
      url: `/api/v1/orgs/${other.orgId}`,
      payload: { segregationOfDuties: false, version: 1 },
    });
    expect(foreignOrg.statusCode).toBe(404);
    const missing = await call(owner, "GET", "/approval-check?kind=risk_acceptance");
    expect(missing.statusCode).toBe(400);
    expect(invalidFieldLines(missing)).toContain("query.id");
  });
});
