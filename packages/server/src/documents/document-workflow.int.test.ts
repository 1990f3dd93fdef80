import { addMonths, isoDate } from "@openaims/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

describe("controlled document workflow", () => {
  let t: TestServer;
  let owner: TestMember;
  let approver: TestMember;
  let approverMemberId: string;
  let viewer: TestMember;
  /** May approve, but is not named on versions that name their approvers. */
  let colleague: TestMember;
  let other: TestMember;
  let base: string;
  const today = isoDate(new Date());

  const membershipId = async (member: TestMember) =>
    (
      await t.db
        .selectFrom("memberships")
        .select("id")
        .where("user_id", "=", member.userId)
        .where("org_id", "=", member.orgId)
        .executeTakeFirstOrThrow()
    ).id;
  const call = (who: TestMember, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    t.call(who.token, { method, url: `${base}${url}`, ...(payload ? { payload } : {}) });
  const auditActions = async (entityId: string) =>
    (
      await t.db
        .selectFrom("audit_entries")
        .select("action")
        .where("org_id", "=", owner.orgId)
        .where("entity_id", "=", entityId)
        .orderBy("seq")
        .execute()
    ).map((row) => row.action);

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Docs Org");
    approver = await t.addMember(owner.orgId, "compliance_manager");
    approverMemberId = await membershipId(approver);
    viewer = await t.addMember(owner.orgId, "viewer");
    colleague = await t.addMember(owner.orgId, "compliance_manager");
    other = await t.addOrg("Elsewhere");
    base = `/api/v1/orgs/${owner.orgId}/documents`;
  });
  afterAll(() => t.close());

  async function newDocument(title: string, body = "# Title\n\nFirst line\nSecond line\n") {
    const res = await call(owner, "POST", "", { title, kind: "procedure", body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it("creates a document with a first draft and records it", async () => {
    const doc = await newDocument("Change procedure");
    expect(doc).toMatchObject({ ref: expect.stringMatching(/^DOC-\d+$/), status: "draft", kind: "procedure" });
    expect(doc.versions).toHaveLength(1);
    expect(doc.versions[0]).toMatchObject({ number: 1, status: "draft", editable: true, allowedActions: ["submit"] });
    expect(doc.workingVersion).toMatchObject({ number: 1, status: "draft" });
    expect(await auditActions(doc.id)).toEqual(["document.created"]);
    expect(await auditActions(doc.versions[0].id)).toEqual(["document_version.created"]);
  });

  it("names the fields that are wrong", async () => {
    const res = await call(owner, "POST", "", { title: "", kind: "wizard" });
    expect(res.statusCode).toBe(400);
    expect(invalidFieldLines(res)).toContain("body.title");
    expect(invalidFieldLines(res)).toContain("body.kind");
    const scope = await call(owner, "POST", "", { title: "Scope", kind: "aims_scope" });
    expect(scope.statusCode).toBe(400);
    const foreignOwner = await call(owner, "POST", "", {
      title: "X",
      kind: "policy",
      ownerMemberId: "00000000-0000-4000-8000-000000000000",
    });
    expect(foreignOwner.statusCode).toBe(400);
    expect(foreignOwner.json().error.details.fields[0].field).toBe("body.ownerMemberId");
  });

  it("runs draft → review → approved, binding approval to the submitted text and the named approver", async () => {
    const doc = await newDocument("AI incident procedure");
    const v1 = doc.versions[0];
    const edited = await call(owner, "PATCH", `/${doc.id}/versions/${v1.id}`, {
      body: "# Incidents\n\nReport within a day.\n",
      approverMemberIds: [approverMemberId],
      version: v1.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().bodySha256).not.toBe(v1.bodySha256);
    expect(edited.json().approvers).toEqual([{ id: approverMemberId, name: "Test compliance_manager" }]);

    const stale = await call(owner, "PATCH", `/${doc.id}/versions/${v1.id}`, { body: "lost", version: v1.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");

    const submitted = await call(owner, "POST", `/${doc.id}/versions/${v1.id}/submit`, { version: 2 });
    expect(submitted.json()).toMatchObject({ status: "in_review", editable: false });
    const editInReview = await call(owner, "PATCH", `/${doc.id}/versions/${v1.id}`, { body: "sneaky", version: 3 });
    expect(editInReview.statusCode).toBe(409);
    expect(editInReview.json().error.code).toBe("illegal_transition");

    const notNamed = await call(colleague, "POST", `/${doc.id}/versions/${v1.id}/approve`, { version: 3 });
    expect(notNamed.statusCode).toBe(403);
    expect(notNamed.json().error.code).toBe("forbidden");
    const ownWork = await call(owner, "POST", `/${doc.id}/versions/${v1.id}/approve`, { version: 3 });
    expect(ownWork.json().error.code).toBe("segregation_of_duties");
    const readOnly = await call(viewer, "POST", `/${doc.id}/versions/${v1.id}/approve`, { version: 3 });
    expect(readOnly.statusCode).toBe(403);

    const wrongRead = await call(approver, "POST", `/${doc.id}/versions/${v1.id}/approve`, {
      version: 3,
      bodySha256: "0".repeat(64),
    });
    expect(wrongRead.statusCode).toBe(409);

    // The stored text is changed behind the workflow's back: the hash taken at submission no longer matches.
    await t.db
      .updateTable("document_versions")
      .set({ body: "# Incidents\n\nReport within a week.\n" })
      .where("id", "=", v1.id)
      .execute();
    const tampered = await call(approver, "POST", `/${doc.id}/versions/${v1.id}/approve`, { version: 3 });
    expect(tampered.statusCode).toBe(409);
    expect(tampered.json().error.message).toContain("changed after it was submitted");
    await t.db
      .updateTable("document_versions")
      .set({ body: "# Incidents\n\nReport within a day.\n" })
      .where("id", "=", v1.id)
      .execute();

    const approved = await call(approver, "POST", `/${doc.id}/versions/${v1.id}/approve`, {
      version: 3,
      bodySha256: submitted.json().bodySha256,
      effectiveDate: today,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: "approved",
      approvedBy: { id: approverMemberId },
      effectiveDate: today,
      nextReviewDate: addMonths(today, 12),
      allowedActions: ["retire"],
    });
    const after = (await call(viewer, "GET", `/${doc.id}`)).json();
    expect(after).toMatchObject({
      status: "approved",
      nextReviewDate: addMonths(today, 12),
      reviewOverdue: false,
      workingVersion: null,
    });
    expect(after.approvedVersion).toMatchObject({ id: v1.id, number: 1 });
    expect(await auditActions(v1.id)).toEqual([
      "document_version.created",
      "document_version.updated",
      "document_version.submitted",
      "document_version.approved",
    ]);
  });

  it("sends a version back with a comment, then supersedes the version in force on the next approval", async () => {
    const doc = await newDocument("Model release procedure", "line one\nline two\nline three\n");
    const v1 = doc.versions[0];
    await call(owner, "POST", `/${doc.id}/versions/${v1.id}/submit`, { version: 1 });
    const short = await call(owner, "POST", `/${doc.id}/versions/${v1.id}/request-changes`, {
      comment: "",
      version: 2,
    });
    expect(short.statusCode).toBe(400);
    expect(invalidFieldLines(short)).toContain("body.comment");
    const back = await call(owner, "POST", `/${doc.id}/versions/${v1.id}/request-changes`, {
      comment: "Add the rollback step",
      version: 2,
    });
    expect(back.json()).toMatchObject({ status: "draft", changesRequested: { comment: "Add the rollback step" } });
    await call(owner, "POST", `/${doc.id}/versions/${v1.id}/submit`, { version: 3 });
    expect((await call(approver, "POST", `/${doc.id}/versions/${v1.id}/approve`, { version: 4 })).statusCode).toBe(200);

    const tooEarly = await call(owner, "POST", `/${doc.id}/versions`, { version: 1 });
    expect(tooEarly.statusCode).toBe(409);
    const current = (await call(owner, "GET", `/${doc.id}`)).json();
    const v2 = (
      await call(owner, "POST", `/${doc.id}/versions`, { changeSummary: "Rollback", version: current.version })
    ).json();
    expect(v2).toMatchObject({
      number: 2,
      status: "draft",
      basedOnVersionId: v1.id,
      body: "line one\nline two\nline three\n",
    });
    const another = await call(owner, "POST", `/${doc.id}/versions`, { version: current.version + 1 });
    expect(another.statusCode).toBe(409);
    expect(another.json().error.code).toBe("illegal_transition");

    await call(owner, "PATCH", `/${doc.id}/versions/${v2.id}`, {
      body: "line one\nline three\nline four: roll back\n",
      version: v2.version,
    });
    expect((await call(owner, "GET", `/${doc.id}`)).json().status).toBe("approved");
    await call(owner, "POST", `/${doc.id}/versions/${v2.id}/submit`, { version: v2.version + 1 });
    const approved = await call(approver, "POST", `/${doc.id}/versions/${v2.id}/approve`, {
      version: v2.version + 2,
    });
    expect(approved.statusCode, approved.body).toBe(200);

    const history = (await call(owner, "GET", `/${doc.id}`)).json();
    expect(history.versions.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([
      [2, "approved"],
      [1, "superseded"],
    ]);
    expect(await auditActions(v1.id)).toContain("document_version.superseded");

    const diff = (await call(viewer, "GET", `/${doc.id}/diff?from=${v1.id}&to=${v2.id}`)).json();
    expect(diff).toMatchObject({ from: { number: 1 }, to: { number: 2 }, added: 1, removed: 1 });
    expect(diff.lines).toContainEqual({ kind: "removed", text: "line two", oldLine: 2, newLine: null });
    expect(diff.lines).toContainEqual({ kind: "added", text: "line four: roll back", oldLine: null, newLine: 3 });
    const byDefault = (await call(viewer, "GET", `/${doc.id}/diff`)).json();
    expect(byDefault.lines).toEqual(diff.lines);

    const retired = await call(owner, "POST", `/${doc.id}/versions/${v2.id}/retire`, {
      reason: "Replaced by the platform runbook",
      version: approved.json().version,
    });
    expect(retired.json()).toMatchObject({ status: "retired", retireReason: "Replaced by the platform runbook" });
    const end = (await call(owner, "GET", `/${doc.id}`)).json();
    expect(end).toMatchObject({ status: "retired", approvedVersion: null, nextReviewDate: null });
    const again = await call(owner, "POST", `/${doc.id}/versions/${v2.id}/retire`, {
      reason: "Twice",
      version: retired.json().version,
    });
    expect(again.statusCode).toBe(409);
  });

  it("refuses to submit an empty draft", async () => {
    const doc = await newDocument("Empty", "");
    const res = await call(owner, "POST", `/${doc.id}/versions/${doc.versions[0].id}/submit`, { version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("illegal_transition");
  });

  it("answers 404 for another organisation's document, and to the other organisation for ours", async () => {
    const doc = await newDocument("Private");
    const theirs = await t.call(other.token, {
      method: "POST",
      url: `/api/v1/orgs/${other.orgId}/documents`,
      payload: { title: "Theirs", kind: "policy", body: "x" },
    });
    const foreign = await call(owner, "GET", `/${theirs.json().id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.message).toContain("Document");
    const crossVersion = await call(owner, "GET", `/${doc.id}/versions/${theirs.json().versions[0].id}`);
    expect(crossVersion.statusCode).toBe(404);
    const intoOurs = await t.call(other.token, { method: "GET", url: `${base}/${doc.id}` });
    expect(intoOurs.statusCode).toBe(404);
    // A version's text, which the comparison view reads, is as private as the document.
    const ourVersion = doc.versions[0].id;
    const underTheirOrg = `/api/v1/orgs/${other.orgId}/documents/${doc.id}/versions/${ourVersion}`;
    expect((await t.call(other.token, { method: "GET", url: underTheirOrg })).statusCode).toBe(404);
    const underOurOrg = `${base}/${doc.id}/versions/${ourVersion}`;
    expect((await t.call(other.token, { method: "GET", url: underOurOrg })).statusCode).toBe(404);
    expect((await call(owner, "GET", `/${doc.id}/versions/${ourVersion}`)).json().body).toBe(
      "# Title\n\nFirst line\nSecond line\n",
    );
  });

  it("lets a viewer read but not write", async () => {
    const doc = await newDocument("Readable");
    expect((await call(viewer, "GET", `/${doc.id}`)).statusCode).toBe(200);
    const write = await call(viewer, "PATCH", `/${doc.id}`, { title: "Mine now", version: doc.version });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe("forbidden");
  });

  it("renames, archives with a reason, and then refuses changes", async () => {
    const doc = await newDocument("Old name");
    const renamed = await call(owner, "PATCH", `/${doc.id}`, { title: "New name", version: doc.version });
    expect(renamed.json()).toMatchObject({ title: "New name", version: doc.version + 1 });
    const archived = await call(owner, "POST", `/${doc.id}/archive`, {
      reason: "Merged into another",
      version: doc.version + 1,
    });
    expect(archived.json()).toMatchObject({ archiveReason: "Merged into another" });
    const edit = await call(owner, "PATCH", `/${doc.id}/versions/${doc.versions[0].id}`, { body: "x", version: 1 });
    expect(edit.statusCode).toBe(409);
    expect(await auditActions(doc.id)).toEqual(["document.created", "document.updated", "document.archived"]);
    const listed = (await call(owner, "GET", "?archived=archived")).json();
    expect(listed.items.map((d: { id: string }) => d.id)).toContain(doc.id);
    const active = (await call(owner, "GET", "?limit=200")).json();
    expect(active.items.map((d: { id: string }) => d.id)).not.toContain(doc.id);
  });

  it("lists by kind, flags overdue reviews, and pages", async () => {
    const doc = await newDocument("Yearly review");
    const v1 = doc.versions[0];
    await call(owner, "POST", `/${doc.id}/versions/${v1.id}/submit`, { version: 1 });
    await call(approver, "POST", `/${doc.id}/versions/${v1.id}/approve`, {
      version: 2,
      effectiveDate: "2020-01-01",
      nextReviewDate: "2021-01-01",
    });
    const overdue = (await call(owner, "GET", "?overdue=true")).json();
    expect(overdue.items).toContainEqual(expect.objectContaining({ id: doc.id, reviewOverdue: true }));
    expect(overdue.items.every((d: { reviewOverdue: boolean }) => d.reviewOverdue)).toBe(true);
    const procedures = (await call(owner, "GET", "?kind=procedure&limit=2")).json();
    expect(procedures.items).toHaveLength(2);
    expect(procedures.nextCursor).not.toBeNull();
    const next = (await call(owner, "GET", `?kind=procedure&limit=2&cursor=${procedures.nextCursor}`)).json();
    expect(next.items[0].title >= procedures.items[1].title).toBe(true);
    const v2 = (await call(owner, "POST", `/${doc.id}/versions`, { version: 3 })).json();
    const badDates = await call(owner, "PATCH", `/${doc.id}/versions/${v2.id}`, {
      effectiveDate: "2030-06-01",
      nextReviewDate: "2030-01-01",
      version: v2.version,
    });
    expect(badDates.statusCode).toBe(400);
    expect(badDates.json().error.details.fields[0].field).toBe("body.nextReviewDate");
  });
});
