import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeContent, createSystem } from "../impact-assessments/impact-assessment-test-data.js";
import { findSystemImpactStatus } from "../impact-assessments/system-impact-statuses.js";
import { auditOf } from "../risks/test-fixtures.js";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

describe("change control", () => {
  let t: TestServer;
  let owner: TestMember;
  let stranger: TestMember;
  const base = () => `/api/v1/orgs/${owner.orgId}`;
  const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: object, member = owner) =>
    t.call(member.token, { method, url: `/api/v1/orgs/${member.orgId}${url}`, payload });

  /** A system with an approved impact assessment and three risks: live, closed and archived. */
  async function assessedSystem(name: string) {
    const systemId = await createSystem(t, owner, name);
    const draft = (await call("POST", `/systems/${systemId}/impact-assessments`, {})).json();
    const edited = (
      await call("PATCH", `/impact-assessments/${draft.id}`, { content: completeContent(), version: draft.version })
    ).json();
    const submitted = (
      await call("POST", `/impact-assessments/${draft.id}/submit`, { version: edited.version })
    ).json();
    const approved = await call("POST", `/impact-assessments/${draft.id}/approve`, {
      contentHash: submitted.contentHash,
      version: submitted.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const risk = async (title: string) => (await call("POST", "/risks", { title, systemId })).json();
    const live = await risk("Answers drift off topic");
    const closed = await risk("Old prompt leak");
    const closing = await call("PATCH", `/risks/${closed.id}`, { version: closed.version, status: "closed" });
    expect(closing.statusCode, closing.body).toBe(200);
    const archived = await risk("Duplicate");
    await call("POST", `/risks/${archived.id}/archive`, { version: archived.version, reason: "Duplicate of another" });
    return { systemId, assessmentId: approved.json().id as string, live, closed, archived };
  }

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Change control");
    stranger = await t.addOrg("Elsewhere");
  });
  afterAll(() => t.close());

  it("lists each kind with its material suggestion", async () => {
    const res = await call("GET", "/change-kinds");
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { kind: string; material: boolean; why: string }[];
    expect(items.find((i) => i.kind === "model_version")).toMatchObject({ material: true });
    expect(items.find((i) => i.kind === "prompt_or_configuration")).toMatchObject({ material: false });
  });

  it("records a material change at once: the assessment turns stale and live risks are flagged, in one transaction", async () => {
    const { systemId, assessmentId, live, closed, archived } = await assessedSystem("Support bot");
    const res = await call("POST", "/changes", {
      systemId,
      kind: "model_version",
      summary: "Upgrade to model v2",
      riskImpact: "medium",
    });
    expect(res.statusCode, res.body).toBe(201);
    const change = res.json();
    expect(change).toMatchObject({
      ref: "CHG-1",
      kind: "model_version",
      material: true,
      suggestedMaterial: true,
      status: "requested",
      riskImpact: "medium",
      requestedBy: { name: "Test owner" },
      sentForReview: {
        risks: [{ id: live.id, ref: live.ref, awaitingReview: true }],
        impactAssessment: { id: assessmentId, stillStale: true },
      },
    });

    expect((await findSystemImpactStatus(t.db, owner.orgId, systemId))?.state).toBe("stale");
    const flagged = (await call("GET", `/risks/${live.id}`)).json();
    expect(flagged).toMatchObject({ needsReview: true, version: live.version + 1 });
    expect((await call("GET", `/risks/${closed.id}`)).json().needsReview).toBe(false);
    expect((await call("GET", `/risks/${archived.id}`)).json().needsReview).toBe(false);
    const awaiting = (await call("GET", `/risks?needsReview=true&systemId=${systemId}`)).json().items;
    expect(awaiting.map((r: { id: string }) => r.id)).toEqual([live.id]);

    // The change, the system and the risk each have their entry, written by the same request.
    const entries = await t.db
      .selectFrom("audit_entries")
      .select(["action", "entity_id", "request_id"])
      .where("org_id", "=", owner.orgId)
      .where("entity_id", "in", [change.id, systemId, live.id])
      .orderBy("seq", "desc")
      .limit(3)
      .execute();
    expect(entries.map((e) => e.action).sort()).toEqual([
      "change.recorded",
      "risk.rereview_requested",
      "system.materially_changed",
    ]);
    expect(new Set(entries.map((e) => e.request_id)).size).toBe(1);
    const riskEntries = await auditOf(t, owner.orgId, live.id);
    expect(JSON.stringify(riskEntries.at(-1)?.changes)).toContain("Material change CHG-1");

    // Reviewing the risk answers the request, and the change shows it.
    const reviewed = await call("POST", `/risks/${live.id}/review`, { version: flagged.version });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const after = (await call("GET", `/changes/${change.id}`)).json();
    expect(after.sentForReview.risks[0]).toMatchObject({ id: live.id, awaitingReview: false });
  });

  it("applies the kind's suggestion when material is not given, and the caller's word when it is", async () => {
    const systemId = await createSystem(t, owner, "Pricing helper");
    const before = (await findSystemImpactStatus(t.db, owner.orgId, systemId))?.systemMaterialChangedAt;
    const prompt = await call("POST", "/changes", { systemId, kind: "prompt_or_configuration", summary: "Tone" });
    expect(prompt.json()).toMatchObject({ material: false, suggestedMaterial: false, sentForReview: { risks: [] } });
    expect((await findSystemImpactStatus(t.db, owner.orgId, systemId))?.systemMaterialChangedAt).toBe(before);

    const overridden = await call("POST", "/changes", {
      systemId,
      kind: "new_data_source",
      summary: "Adds a public price list",
      material: false,
    });
    expect(overridden.json()).toMatchObject({ material: false, suggestedMaterial: true });
    const forced = await call("POST", "/changes", { systemId, kind: "other", summary: "New audience", material: true });
    expect(forced.json()).toMatchObject({ material: true, suggestedMaterial: false });
    expect((await findSystemImpactStatus(t.db, owner.orgId, systemId))?.systemMaterialChangedAt).not.toBe(before);
  });

  it("approves or rejects a requested change once, and refuses a stale version", async () => {
    const systemId = await createSystem(t, owner, "Decisions");
    const approver = await t.addMember(owner.orgId, "compliance_manager");
    const change = (
      await call("POST", "/changes", { systemId, kind: "retraining", summary: "Monthly retrain" })
    ).json();

    const stale = await call("POST", `/changes/${change.id}/approve`, { version: change.version + 1 }, approver);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");

    const approved = await call(
      "POST",
      `/changes/${change.id}/approve`,
      { version: change.version, note: "Tested" },
      approver,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: "approved",
      decidedBy: { name: "Test compliance_manager" },
      decisionNote: "Tested",
      version: change.version + 1,
    });
    const again = await call("POST", `/changes/${change.id}/reject`, { version: 2, reason: "Too late" }, approver);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: "illegal_transition", details: { allowed: [] } });
    expect(again.json().error.message).toContain("already approved");
    expect((await auditOf(t, owner.orgId, change.id)).map((e) => e.action)).toEqual([
      "change.recorded",
      "change.approved",
    ]);

    const other = (await call("POST", "/changes", { systemId, kind: "other", summary: "Unplanned hotfix" })).json();
    const noReason = await call("POST", `/changes/${other.id}/reject`, { version: other.version }, approver);
    expect(noReason.statusCode).toBe(400);
    expect(invalidFieldLines(noReason)).toContain("body.reason");
    const rejected = await call("POST", `/changes/${other.id}/reject`, { version: 1, reason: "Not tested" }, approver);
    expect(rejected.json()).toMatchObject({ status: "rejected", decisionNote: "Not tested" });
  });

  it("does not let the requester approve their own change", async () => {
    const systemId = await createSystem(t, owner, "Own approvals");
    await t.addMember(owner.orgId, "admin");
    const change = (await call("POST", "/changes", { systemId, kind: "other", summary: "My change" })).json();
    const check = await call("GET", `/approval-check?kind=change&id=${change.id}`);
    expect(check.json()).toMatchObject({ mayApprove: false });
    const res = await call("POST", `/changes/${change.id}/approve`, { version: change.version });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("segregation_of_duties");
    expect(res.json().error.message).toContain(`change ${change.ref}`);
    expect((await call("GET", `/changes/${change.id}`)).json().status).toBe("requested");
  });

  it("lists changes newest first with filters and pages", async () => {
    const systemId = await createSystem(t, owner, "Listed");
    for (const summary of ["First", "Second", "Third"])
      await call("POST", "/changes", { systemId, kind: "prompt_or_configuration", summary: `${summary} tweak` });
    await call("POST", "/changes", { systemId, kind: "vendor_model", summary: "Vendor swap" });
    const page = (await call("GET", `/changes?systemId=${systemId}&limit=2`)).json();
    expect(page.items.map((c: { summary: string }) => c.summary)).toEqual(["Vendor swap", "Third tweak"]);
    const next = (await call("GET", `/changes?systemId=${systemId}&limit=2&cursor=${page.nextCursor}`)).json();
    expect(next.items.map((c: { summary: string }) => c.summary)).toEqual(["Second tweak", "First tweak"]);
    expect(next.nextCursor).toBeNull();
    const material = (await call("GET", `/changes?systemId=${systemId}&material=true`)).json();
    expect(material.items.map((c: { kind: string }) => c.kind)).toEqual(["vendor_model"]);
    const byKind = (
      await call("GET", `/changes?systemId=${systemId}&kind=prompt_or_configuration&status=requested`)
    ).json();
    expect(byKind.items).toHaveLength(3);
  });

  it("lets a read token list but not record, and answers 404 across organisations", async () => {
    const systemId = await createSystem(t, owner, "Scoped");
    const change = (await call("POST", "/changes", { systemId, kind: "other", summary: "Scoped change" })).json();
    const read = (await call("POST", "/tokens", { name: "pipeline read", scope: "read" })).json().secret as string;
    const refused = await t.call(read, {
      method: "POST",
      url: `${base()}/changes`,
      payload: { systemId, kind: "other", summary: "From a read token" },
    });
    expect(refused.statusCode).toBe(403);
    expect((await t.call(read, { method: "GET", url: `${base()}/changes` })).statusCode).toBe(200);

    expect((await call("GET", `/changes/${change.id}`, undefined, stranger)).statusCode).toBe(404);
    const approve = await call("POST", `/changes/${change.id}/approve`, { version: 1 }, stranger);
    expect(approve.statusCode).toBe(404);
    const theirs = await call("POST", "/changes", { systemId, kind: "other", summary: "Not mine" }, stranger);
    expect(theirs.statusCode).toBe(400);
    expect(invalidFieldLines(theirs)).toContain("body.systemId: is not an AI system of this organisation");
  });

  it("names the bad fields of a change in plain words", async () => {
    const res = await call("POST", "/changes", { systemId: "nope", kind: "rewrite", summary: "", material: "yes" });
    expect(res.statusCode).toBe(400);
    const lines = invalidFieldLines(res);
    for (const field of ["body.systemId", "body.kind", "body.summary", "body.material"]) expect(lines).toContain(field);
    expect(lines).toContain("New tool or connector");
  });
});
