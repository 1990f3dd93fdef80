import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

describe("AIMS scope", () => {
  let t: TestServer;
  let owner: TestMember;
  let viewer: TestMember;
  let other: TestMember;
  let assistant: string;
  let scorer: string;
  let foreignSystem: string;

  async function addSystem(orgId: string, name: string, archived = false): Promise<string> {
    const id = randomUUID();
    await t.db
      .insertInto("ai_systems")
      .values({
        id,
        org_id: orgId,
        slug: `${name.toLowerCase().replaceAll(" ", "-")}-${id.slice(0, 4)}`,
        name,
        our_role: "deployer",
        lifecycle_stage: "operation",
        impact_tier: "medium",
        autonomy: "human_in_the_loop",
        high_impact_reasons: "[]",
        data_categories: "[]",
        capabilities: "[]",
        customer_facing: false,
        archived_at: archived ? new Date() : null,
      })
      .execute();
    return id;
  }

  const scopeUrl = (member: TestMember) => `/api/v1/orgs/${member.orgId}/scope`;
  const content = () => ({
    internalIssues: [{ title: "Small ML team", detail: "Two engineers maintain all models" }],
    externalIssues: [{ title: "EU AI Act obligations" }],
    interestedParties: [
      { name: "Customers", needs: "Clear explanations of automated answers", addressedThroughAims: true },
      { name: "Regulators", needs: "Evidence of risk management", addressedThroughAims: true, howAddressed: "Audits" },
    ],
    statement: "The AIMS covers the AI features of our customer support product.",
    boundaries: "Support operations in the EU.",
    exclusions: [{ item: "Internal research prototypes", reason: "They never process customer data" }],
    systemIds: [assistant],
  });

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Scope Org");
    viewer = await t.addMember(owner.orgId, "viewer");
    other = await t.addOrg("Other Scope Org");
    assistant = await addSystem(owner.orgId, "Support assistant");
    scorer = await addSystem(owner.orgId, "Lead scorer");
    foreignSystem = await addSystem(other.orgId, "Their bot");
  });
  afterAll(() => t.close());

  it("is empty until created, and refuses systems that are not this organisation's", async () => {
    const none = await t.call(owner.token, { method: "GET", url: scopeUrl(owner) });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toBeNull();
    const foreign = await t.call(owner.token, {
      method: "POST",
      url: scopeUrl(owner),
      payload: { content: { ...content(), systemIds: [assistant, foreignSystem] } },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details.fields).toMatchObject([
      { field: "body.content.systemIds.1", message: `'${foreignSystem}' is not an AI system of this organisation` },
    ]);
    const noReason = await t.call(owner.token, {
      method: "POST",
      url: scopeUrl(owner),
      payload: { content: { ...content(), exclusions: [{ item: "Lab", reason: "" }] } },
    });
    expect(noReason.statusCode).toBe(400);
    expect(invalidFieldLines(noReason)).toContain("body.content.exclusions.0.reason");
  });

  it("creates the one scope with structured content rendered as Markdown", async () => {
    const res = await t.call(owner.token, { method: "POST", url: scopeUrl(owner), payload: { content: content() } });
    expect(res.statusCode, res.body).toBe(201);
    const scope = res.json();
    expect(scope.document).toMatchObject({ kind: "aims_scope", title: "AIMS scope", status: "draft" });
    expect(scope.approvedVersion).toBeNull();
    expect(scope.workingVersion.scope.interestedParties).toHaveLength(2);
    expect(scope.workingVersion.scopeSystems).toEqual([
      expect.objectContaining({ id: assistant, name: "Support assistant", archived: false }),
    ]);
    expect(scope.workingVersion.body).toContain("## AI systems in scope\n\n- Support assistant");
    expect(scope.workingVersion.body).toContain("- **Internal research prototypes**: They never process customer data");

    const second = await t.call(owner.token, { method: "POST", url: scopeUrl(owner), payload: { content: content() } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain("already has an AIMS scope");

    const actions = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("entity_id", "=", scope.document.id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["document.created"]);
  });

  it("edits the draft, goes through review and approval, and keeps a system archived since", async () => {
    const scope = (await t.call(owner.token, { method: "GET", url: scopeUrl(owner) })).json();
    const draft = scope.workingVersion;
    const docs = `/api/v1/orgs/${owner.orgId}/documents/${scope.document.id}`;

    const bodyEdit = await t.call(owner.token, {
      method: "PATCH",
      url: `${docs}/versions/${draft.id}`,
      payload: { body: "free text", version: draft.version },
    });
    expect(bodyEdit.statusCode).toBe(400);
    expect(bodyEdit.json().error.details.fields[0].field).toBe("body.body");

    const readOnly = await t.call(viewer.token, {
      method: "PATCH",
      url: `${scopeUrl(owner)}/versions/${draft.id}`,
      payload: { content: content(), version: draft.version },
    });
    expect(readOnly.statusCode).toBe(403);

    const edited = await t.call(owner.token, {
      method: "PATCH",
      url: `${scopeUrl(owner)}/versions/${draft.id}`,
      payload: { content: { ...content(), systemIds: [assistant, scorer] }, version: draft.version },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().workingVersion.body).toContain("- Support assistant\n- Lead scorer");

    const stale = await t.call(owner.token, {
      method: "PATCH",
      url: `${scopeUrl(owner)}/versions/${draft.id}`,
      payload: { content: content(), version: draft.version },
    });
    expect(stale.statusCode).toBe(409);

    await t.db.updateTable("ai_systems").set({ archived_at: new Date() }).where("id", "=", scorer).execute();
    const kept = await t.call(owner.token, {
      method: "PATCH",
      url: `${scopeUrl(owner)}/versions/${draft.id}`,
      payload: {
        content: { ...content(), systemIds: [assistant, scorer], statement: "Updated." },
        version: draft.version + 1,
      },
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().workingVersion.scopeSystems).toContainEqual(
      expect.objectContaining({ id: scorer, archived: true }),
    );

    const v = kept.json().workingVersion;
    await t.call(owner.token, {
      method: "POST",
      url: `${docs}/versions/${v.id}/submit`,
      payload: { version: v.version },
    });
    // The owner wrote and submitted the scope; segregation of duties has another member approve it.
    const approver = await t.addMember(owner.orgId, "compliance_manager");
    const approved = await t.call(approver.token, {
      method: "POST",
      url: `${docs}/versions/${v.id}/approve`,
      payload: { version: v.version + 1 },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const now = (await t.call(viewer.token, { method: "GET", url: scopeUrl(owner) })).json();
    expect(now.document.status).toBe("approved");
    expect(now.workingVersion).toBeNull();
    expect(now.approvedVersion.scope.statement).toBe("Updated.");
  });

  it("refuses to submit a scope without a statement", async () => {
    const scope = (await t.call(owner.token, { method: "GET", url: scopeUrl(owner) })).json();
    const docs = `/api/v1/orgs/${owner.orgId}/documents/${scope.document.id}`;
    const draft = (
      await t.call(owner.token, {
        method: "POST",
        url: `${docs}/versions`,
        payload: { version: scope.document.version },
      })
    ).json();
    expect(draft.scope.statement).toBe("Updated.");
    const cleared = await t.call(owner.token, {
      method: "PATCH",
      url: `${scopeUrl(owner)}/versions/${draft.id}`,
      payload: { content: { ...content(), statement: "  " }, version: draft.version },
    });
    expect(cleared.statusCode).toBe(200);
    const submit = await t.call(owner.token, {
      method: "POST",
      url: `${docs}/versions/${draft.id}/submit`,
      payload: { version: draft.version + 1 },
    });
    expect(submit.statusCode).toBe(409);
    expect(submit.json().error.message).toContain("scope statement");
  });

  it("keeps scope versions inside their organisation", async () => {
    const scope = (await t.call(owner.token, { method: "GET", url: scopeUrl(owner) })).json();
    const res = await t.call(other.token, {
      method: "PATCH",
      url: `${scopeUrl(other)}/versions/${scope.approvedVersion.id}`,
      payload: { content: content(), version: 1 },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain("Scope version");
    expect((await t.call(other.token, { method: "GET", url: scopeUrl(other) })).json()).toBeNull();
  });
});
