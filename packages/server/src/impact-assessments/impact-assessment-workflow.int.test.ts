import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { completeContent, createSystem } from "./impact-assessment-test-data.js";

describe("impact assessment workflow", () => {
  let t: TestServer;
  let owner: TestMember;
  let viewer: TestMember;
  /** Approves what the owner writes: segregation of duties keeps authors from approving their own work. */
  let approver: TestMember;
  let systemId: string;
  const base = () => `/api/v1/orgs/${owner.orgId}`;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Assessors");
    viewer = await t.addMember(owner.orgId, "viewer");
    approver = await t.addMember(owner.orgId, "compliance_manager");
    systemId = await createSystem(t, owner, "Support chatbot", { intendedUse: "Answers order questions." });
  });
  afterAll(() => t.close());

  const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: object, who = owner) =>
    t.call(who.token, { method, url: `${base()}${url}`, payload });

  async function auditActions(entityId: string): Promise<string[]> {
    const rows = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("org_id", "=", owner.orgId)
      .where("entity_id", "=", entityId)
      .orderBy("seq")
      .execute();
    return rows.map((r) => r.action);
  }

  it("takes a draft from start to approval, and a second revision supersedes the first", async () => {
    const started = await call("POST", `/systems/${systemId}/impact-assessments`, {});
    expect(started.statusCode, started.body).toBe(201);
    const draft = started.json();
    expect(draft).toMatchObject({ status: "draft", revision: 1, version: 1, basedOnId: null, stale: false });
    expect(draft.ref).toMatch(/^IA-\d+$/);
    expect(draft.content.context.intendedUse).toBe("Answers order questions.");
    expect(draft.content.dimensions).toHaveLength(9);
    expect(draft.focusHints.map((h: { dimension: string }) => h.dimension)).toContain("privacy");

    const again = await call("POST", `/systems/${systemId}/impact-assessments`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: "illegal_transition" });
    expect(again.json().error.message).toContain(draft.ref);

    const edited = await call("PATCH", `/impact-assessments/${draft.id}`, { content: completeContent(), version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, highestLevel: "medium" });
    expect(edited.json().dimensionLevels[0]).toBe("medium");

    const stale = await call("PATCH", `/impact-assessments/${draft.id}`, { content: completeContent("x"), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");

    const submitted = await call("POST", `/impact-assessments/${draft.id}/submit`, { version: 2 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const sub = submitted.json();
    expect(sub).toMatchObject({ status: "submitted", version: 3 });
    expect(sub.submittedContentHash).toBe(sub.contentHash);

    const lockedEdit = await call("PATCH", `/impact-assessments/${draft.id}`, {
      content: completeContent(),
      version: 3,
    });
    expect(lockedEdit.statusCode).toBe(409);
    expect(lockedEdit.json().error).toMatchObject({ code: "illegal_transition" });
    expect(lockedEdit.json().error.message).toContain("Only a draft can be edited");

    const approved = await call(
      "POST",
      `/impact-assessments/${draft.id}/approve`,
      { contentHash: sub.contentHash, comment: "Agreed.", version: 3 },
      approver,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    const app = approved.json();
    expect(app).toMatchObject({ status: "approved", stale: false, approvedBy: { id: approver.userId } });
    expect(app.approvedAt).not.toBeNull();
    const system = await t.db
      .selectFrom("ai_systems")
      .select("material_changed_at")
      .where("id", "=", systemId)
      .executeTakeFirstOrThrow();
    expect(app.systemMaterialAt).toBe(system.material_changed_at.toISOString());
    expect(app.reviewLog.map((e: { action: string }) => e.action)).toEqual(["submitted", "approved"]);
    expect(await auditActions(draft.id)).toEqual([
      "impact_assessment.started",
      "impact_assessment.updated",
      "impact_assessment.submitted",
      "impact_assessment.approved",
    ]);

    const second = await call("POST", `/systems/${systemId}/impact-assessments`, {});
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ revision: 2, basedOnId: draft.id, status: "draft" });
    expect(second.json().content.conclusion.summary).toBe(app.content.conclusion.summary);
    const s2 = (await call("POST", `/impact-assessments/${second.json().id}/submit`, { version: 1 })).json();
    const a2 = await call(
      "POST",
      `/impact-assessments/${s2.id}/approve`,
      { contentHash: s2.contentHash, version: 2 },
      approver,
    );
    expect(a2.statusCode, a2.body).toBe(200);
    const first = (await call("GET", `/impact-assessments/${draft.id}`)).json();
    expect(first.status).toBe("superseded");
    expect(await auditActions(draft.id)).toContain("impact_assessment.superseded");

    const history = (await call("GET", `/systems/${systemId}/impact-assessments`)).json();
    expect(history.items.map((i: { revision: number; status: string }) => [i.revision, i.status])).toEqual([
      [2, "approved"],
      [1, "superseded"],
    ]);
  });

  it("refuses to submit an incomplete draft, naming what is missing", async () => {
    const other = await createSystem(t, owner, "Credit scorer");
    const draft = (await call("POST", `/systems/${other}/impact-assessments`, { startFrom: "blank" })).json();
    const res = await call("POST", `/impact-assessments/${draft.id}/submit`, { version: 1 });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe("validation_failed");
    const fields = error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toContain("content.context.foreseeableMisuse");
    expect(fields).toContain("content.conclusion.outcome");
    expect(error.message).toContain("describe the foreseeable misuse");
  });

  it("returns a submission with a comment, and refuses approval of content other than what was reviewed", async () => {
    const sys = await createSystem(t, owner, "Triage model");
    const draft = (await call("POST", `/systems/${sys}/impact-assessments`, {})).json();
    await call("PATCH", `/impact-assessments/${draft.id}`, { content: completeContent("First take."), version: 1 });
    const first = (await call("POST", `/impact-assessments/${draft.id}/submit`, { version: 2 })).json();

    const noComment = await call("POST", `/impact-assessments/${draft.id}/return`, { version: 3 });
    expect(noComment.statusCode).toBe(400);
    expect(invalidFieldLines(noComment)).toContain("body.comment");
    const returned = await call("POST", `/impact-assessments/${draft.id}/return`, {
      comment: "Say more about older customers.",
      version: 3,
    });
    expect(returned.json()).toMatchObject({ status: "draft", submittedContentHash: null, version: 4 });
    expect(returned.json().reviewLog.at(-1)).toMatchObject({
      action: "returned",
      comment: "Say more about older customers.",
    });

    await call("PATCH", `/impact-assessments/${draft.id}`, { content: completeContent("Second take."), version: 4 });
    const second = (await call("POST", `/impact-assessments/${draft.id}/submit`, { version: 5 })).json();
    expect(second.contentHash).not.toBe(first.contentHash);

    const outdated = await call(
      "POST",
      `/impact-assessments/${draft.id}/approve`,
      { contentHash: first.contentHash, version: 6 },
      approver,
    );
    expect(outdated.statusCode).toBe(409);
    expect(outdated.json().error.message).toContain("not the version you reviewed");

    // Content altered behind the workflow's back after submission.
    const tampered = completeContent("Quietly changed.");
    await t.db
      .updateTable("impact_assessments")
      .set({ content: JSON.stringify(tampered) })
      .where("id", "=", draft.id)
      .execute();
    const changed = await call(
      "POST",
      `/impact-assessments/${draft.id}/approve`,
      { contentHash: second.contentHash, version: 6 },
      approver,
    );
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.message).toContain("changed after it was submitted");
    expect((await call("GET", `/impact-assessments/${draft.id}`)).json().status).toBe("submitted");
    expect(await auditActions(draft.id)).toContain("impact_assessment.returned");
  });

  it("archives an abandoned draft with its reason, and never an approved revision", async () => {
    const sys = await createSystem(t, owner, "Abandoned idea");
    const draft = (await call("POST", `/systems/${sys}/impact-assessments`, {})).json();
    const archived = await call("POST", `/impact-assessments/${draft.id}/archive`, {
      reason: "System dropped",
      version: 1,
    });
    expect(archived.json()).toMatchObject({ archiveReason: "System dropped" });
    expect(archived.json().archivedAt).not.toBeNull();
    const edit = await call("PATCH", `/impact-assessments/${draft.id}`, { content: completeContent(), version: 2 });
    expect(edit.statusCode).toBe(409);
    const restart = await call("POST", `/systems/${sys}/impact-assessments`, {});
    expect(restart.json()).toMatchObject({ revision: 2 });
    const listed = (await call("GET", `/impact-assessments?archived=only&systemId=${sys}`)).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([draft.id]);
    expect(await auditActions(draft.id)).toContain("impact_assessment.archived");
  });

  it("lets a viewer read but not change, and validates fields", async () => {
    const list = await call("GET", "/impact-assessments", undefined, viewer);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    const refused = await call("POST", `/systems/${systemId}/impact-assessments`, {}, viewer);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("forbidden");

    const badStart = await call("POST", `/systems/${systemId}/impact-assessments`, { startFrom: "somewhere" });
    expect(badStart.statusCode).toBe(400);
    expect(invalidFieldLines(badStart)).toContain("body.startFrom");
    const item = list.json().items[0];
    const content = completeContent();
    const badContent = await call("PATCH", `/impact-assessments/${item.id}`, {
      content: { ...content, dimensions: [{ key: "custom", severity: "awful" }] },
      version: item.version,
    });
    expect(badContent.statusCode).toBe(400);
    expect(invalidFieldLines(badContent)).toContain("body.content.dimensions.0.severity");
  });
});
