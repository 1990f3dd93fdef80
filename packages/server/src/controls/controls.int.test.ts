import { annexAControls } from "@openaims/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { controlByRef, insertControlEvidence, insertRisk, patchControl } from "./testing/control-fixtures.js";

describe("controls", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;
  const base = () => `/api/v1/orgs/${owner.orgId}/controls`;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Controls");
    other = await t.addOrg("Elsewhere");
  });
  afterAll(() => t.close());

  it("gives a new organisation the 38 Annex A controls with exact ids and titles", async () => {
    const items: { ref: string; title: string; kind: string; applicable: boolean | null; areaId: string }[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${base()}?limit=15${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await t.call(owner.token, { method: "GET", url })).json();
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(items.map((c) => c.ref)).toEqual(annexAControls.map((c) => c.id));
    expect(items.map((c) => c.title)).toEqual(annexAControls.map((c) => c.title));
    expect(items.every((c) => c.kind === "annex_a" && c.applicable === null)).toBe(true);
    expect(items.find((c) => c.ref === "A.6.2.6")).toMatchObject({ areaId: "A.6", evidenceFreshnessDays: 90 });
    const seeded = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("org_id", "=", owner.orgId)
      .where("action", "=", "controls.seeded")
      .execute();
    expect(seeded).toHaveLength(1);
  });

  it("filters by area and applicability, and names a bad filter", async () => {
    const a6 = (await t.call(owner.token, { method: "GET", url: `${base()}?area=A.6&limit=100` })).json();
    expect(a6.items.map((c: { ref: string }) => c.ref)).toEqual(
      annexAControls.filter((c) => c.areaId === "A.6").map((c) => c.id),
    );
    const bad = await t.call(owner.token, { method: "GET", url: `${base()}?area=Z.1&applicability=maybe` });
    expect(bad.statusCode).toBe(400);
    expect(invalidFieldLines(bad)).toContain("query.area");
    expect(invalidFieldLines(bad)).toContain("query.applicability");
  });

  it("requires a justification for a decision either way, and records the change", async () => {
    const control = await controlByRef(t, owner, "A.2.2");
    const unjustified = await patchControl(t, owner, control.id, { version: control.version, applicable: true });
    expect(unjustified.statusCode).toBe(400);
    expect(unjustified.json().error.details.fields[0].field).toBe("body.justification");
    const decided = await patchControl(t, owner, control.id, {
      version: control.version,
      applicable: true,
      justification: "We build and run AI systems.",
      implementationStatus: "in_progress",
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ applicable: true, effectiveStatus: "in_progress", version: 2 });
    const entry = await t.db
      .selectFrom("audit_entries")
      .select(["action", "changes"])
      .where("org_id", "=", owner.orgId)
      .where("entity_id", "=", control.id)
      .where("action", "=", "control.updated")
      .executeTakeFirstOrThrow();
    expect(entry.changes.applicable).toEqual({ before: null, after: true });
    const excludedWithoutReason = await patchControl(t, owner, control.id, {
      version: 2,
      applicable: false,
      justification: "",
    });
    expect(excludedWithoutReason.statusCode).toBe(400);
  });

  it("refuses a stale version, a fixed title, a read-only role and another organisation's control", async () => {
    const control = await controlByRef(t, owner, "A.2.3");
    const first = await patchControl(t, owner, control.id, {
      version: control.version,
      implementationStatus: "planned",
    });
    expect(first.statusCode).toBe(200);
    const stale = await patchControl(t, owner, control.id, {
      version: control.version,
      implementationStatus: "in_progress",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
    const title = await patchControl(t, owner, control.id, { version: control.version + 1, title: "Something else" });
    expect(title.statusCode).toBe(400);
    expect(invalidFieldLines(title)).toContain("body.title");
    const viewer = await t.addMember(owner.orgId, "viewer");
    const refused = await patchControl(t, viewer, control.id, { version: control.version + 1, applicable: null });
    expect(refused.statusCode).toBe(403);
    const theirs = await controlByRef(t, other, "A.2.3");
    const foreign = await t.call(owner.token, { method: "GET", url: `${base()}/${theirs.id}` });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.message).toContain(theirs.id);
    const foreignPatch = await patchControl(t, owner, theirs.id, { version: 1, implementationStatus: "planned" });
    expect(foreignPatch.statusCode).toBe(404);
  });

  it("refuses excluding a control that treats an open risk unless an override reason is given", async () => {
    const control = await controlByRef(t, owner, "A.6.2.4");
    const riskId = await insertRisk(t, owner.orgId, "R-1");
    const linked = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/${control.id}/risks`,
      payload: { riskId },
    });
    expect(linked.statusCode).toBe(201);
    expect(linked.json().risks).toEqual([expect.objectContaining({ ref: "R-1", open: true })]);
    const exclusion = { version: control.version, applicable: false, justification: "No models are validated here." };
    const refused = await patchControl(t, owner, control.id, exclusion);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: "illegal_transition", details: { openRiskRefs: ["R-1"] } });
    expect(refused.json().error.message).toContain("R-1");
    const overridden = await patchControl(t, owner, control.id, {
      ...exclusion,
      overrideReason: "Risk owner accepted.",
    });
    expect(overridden.statusCode).toBe(200);
    expect(overridden.json()).toMatchObject({ applicable: false, overrideReason: "Risk owner accepted." });
    const included = await patchControl(t, owner, control.id, { version: overridden.json().version, applicable: true });
    expect(included.json()).toMatchObject({ applicable: true, overrideReason: null });
  });

  it("presents implemented controls by their evidence: current, expired or missing", async () => {
    const control = await controlByRef(t, owner, "A.6.2.6");
    const implemented = await patchControl(t, owner, control.id, {
      version: control.version,
      implementationStatus: "implemented",
    });
    expect(implemented.json()).toMatchObject({
      effectiveStatus: "implemented_without_evidence",
      evidence: { state: "missing" },
    });
    await insertControlEvidence(t, owner.orgId, control.id, "E-1", new Date(Date.now() - 3_600_000));
    const expired = (await t.call(owner.token, { method: "GET", url: `${base()}/${control.id}` })).json();
    expect(expired).toMatchObject({
      effectiveStatus: "evidence_expired",
      evidence: { state: "expired", refs: ["E-1"] },
    });
    const listedExpired = (await t.call(owner.token, { method: "GET", url: `${base()}?evidenceState=expired` })).json();
    expect(listedExpired.items.map((c: { ref: string }) => c.ref)).toEqual(["A.6.2.6"]);
    const until = new Date(Date.now() + 30 * 86_400_000);
    await insertControlEvidence(t, owner.orgId, control.id, "E-2", until);
    const current = (await t.call(owner.token, { method: "GET", url: `${base()}/${control.id}` })).json();
    expect(current).toMatchObject({
      effectiveStatus: "implemented",
      evidence: { state: "current", refs: ["E-1", "E-2"], latestValidUntil: until.toISOString() },
    });
    const listedCurrent = (await t.call(owner.token, { method: "GET", url: `${base()}?evidenceState=current` })).json();
    expect(listedCurrent.items.map((c: { ref: string }) => c.ref)).toEqual(["A.6.2.6"]);
  });

  it("creates custom controls as C-n after Annex A, archives them with a reason, never Annex A ones", async () => {
    const created = await t.call(owner.token, {
      method: "POST",
      url: base(),
      payload: { title: "Red-team every release", evidenceFreshnessDays: 120 },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ref: "C-1", kind: "custom", areaId: null, evidenceFreshnessDays: 120 });
    const custom = (await t.call(owner.token, { method: "GET", url: `${base()}?area=custom` })).json();
    expect(custom.items.map((c: { ref: string }) => c.ref)).toEqual(["C-1"]);
    const archived = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/${created.json().id}/archive`,
      payload: { reason: "Merged into A.6.2.4", version: 1 },
    });
    expect(archived.json()).toMatchObject({ status: "archived", archiveReason: "Merged into A.6.2.4" });
    const again = await patchControl(t, owner, created.json().id, { version: 2, implementationStatus: "planned" });
    expect(again.statusCode).toBe(409);
    const annex = await controlByRef(t, owner, "A.2.4");
    const refused = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/${annex.id}/archive`,
      payload: { reason: "Not needed", version: annex.version },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("illegal_transition");
  });

  it("links and unlinks risks from the control side and lists them from the risk side", async () => {
    const control = await controlByRef(t, owner, "A.7.4");
    const riskId = await insertRisk(t, owner.orgId, "R-2", "closed");
    const link = () =>
      t.call(owner.token, { method: "POST", url: `${base()}/${control.id}/risks`, payload: { riskId } });
    expect((await link()).json().risks).toEqual([expect.objectContaining({ ref: "R-2", open: false })]);
    const twice = await link();
    expect(twice.statusCode).toBe(409);
    const fromRisk = await t.call(owner.token, {
      method: "GET",
      url: `/api/v1/orgs/${owner.orgId}/risks/${riskId}/controls`,
    });
    expect(fromRisk.json().items.map((c: { ref: string }) => c.ref)).toEqual(["A.7.4"]);
    const unlinked = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/${control.id}/risks/${riskId}/unlink`,
    });
    expect(unlinked.json().risks).toEqual([]);
    const unlinkAgain = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/${control.id}/risks/${riskId}/unlink`,
    });
    expect(unlinkAgain.statusCode).toBe(404);
    const relinked = await link();
    expect(relinked.statusCode).toBe(201);
    const history = await t.db
      .selectFrom("control_risks")
      .select("archived_at")
      .where("risk_id", "=", riskId)
      .execute();
    expect(history).toHaveLength(2);
    const foreignRisk = await insertRisk(t, other.orgId, "R-9");
    const foreign = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/${control.id}/risks`,
      payload: { riskId: foreignRisk },
    });
    expect(foreign.statusCode).toBe(404);
    const foreignList = await t.call(owner.token, {
      method: "GET",
      url: `/api/v1/orgs/${owner.orgId}/risks/${foreignRisk}/controls`,
    });
    expect(foreignList.statusCode).toBe(404);
  });
});
