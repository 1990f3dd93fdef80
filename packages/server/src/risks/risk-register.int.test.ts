import type { Risk } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { addSystem, auditOf, membershipId } from "./test-fixtures.js";

describe("risk register", () => {
  let t: TestServer;
  let owner: TestMember;
  let viewer: TestMember;
  let other: TestMember;
  let systemId: string;
  let ownerMemberId: string;
  const base = () => `/api/v1/orgs/${owner.orgId}/risks`;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Register");
    viewer = await t.addMember(owner.orgId, "viewer");
    other = await t.addOrg("Elsewhere");
    ownerMemberId = await membershipId(t, owner);
    systemId = await addSystem(t, owner.orgId, { name: "Support bot" });
  });
  afterAll(() => t.close());

  async function create(payload: Record<string, unknown>): Promise<Risk> {
    const res = await t.call(owner.token, { method: "POST", url: base(), payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it("adds a rated risk with the next reference and records it in the audit trail", async () => {
    const risk = await create({
      title: "Prompt injection leaks customer data",
      systemId,
      threatId: "prompt_injection",
      riskSources: ["C.3.4"],
      ownerMemberId,
      inherentLikelihood: 4,
      inherentImpact: 4,
      treatmentOption: "modify",
      residualLikelihood: 2,
      residualImpact: 2,
      reviewDate: "2031-01-31",
    });
    expect(risk).toMatchObject({
      ref: expect.stringMatching(/^R-\d+$/),
      system: { id: systemId, name: "Support bot" },
      owner: { memberId: ownerMemberId, name: "Test owner" },
      inherentRating: "high",
      residualRating: "low",
      currentRating: "low",
      needsTreatment: false,
      status: "assessed",
      reviewDate: "2031-01-31",
      version: 1,
    });
    const audit = await auditOf(t, owner.orgId, risk.id);
    expect(audit.map((e) => e.action)).toEqual(["risk.created"]);
    expect(audit[0]?.changes.inherentRating).toEqual({ before: null, after: "high" });

    const orgWide = await create({ title: "No AI literacy training" });
    expect(orgWide).toMatchObject({ system: null, status: "identified", currentRating: null });
    expect(Number(orgWide.ref.slice(2))).toBe(Number(risk.ref.slice(2)) + 1);
  });

  it("answers 400 naming each field whose reference or level is wrong", async () => {
    const res = await t.call(owner.token, {
      method: "POST",
      url: base(),
      payload: {
        title: "Bad references",
        systemId: "00000000-0000-4000-8000-000000000000",
        ownerMemberId: await membershipId(t, other),
        threatId: "no_such_threat",
        riskSources: ["C.3.9"],
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(["body.systemId", "body.ownerMemberId", "body.threatId", "body.riskSources"]);

    const levels = await t.call(owner.token, {
      method: "POST",
      url: base(),
      payload: { title: "Half rated", inherentLikelihood: 3, residualLikelihood: 6, residualImpact: 1 },
    });
    expect(levels.statusCode).toBe(400);
    expect(invalidFieldLines(levels)).toContain("body.inherentImpact: is needed together with inherentLikelihood");
    expect(invalidFieldLines(levels)).toContain("body.residualLikelihood: must be between 1 and 5");

    const schema = await t.call(owner.token, { method: "POST", url: base(), payload: { title: "", status: 1 } });
    expect(schema.statusCode).toBe(400);
    expect(invalidFieldLines(schema)).toContain("body.title");
  });

  it("updates with the version read, refuses a stale one, and audits the difference", async () => {
    const risk = await create({ title: "Model drift", inherentLikelihood: 3, inherentImpact: 3 });
    const url = `${base()}/${risk.id}`;
    const updated = await t.call(owner.token, {
      method: "PATCH",
      url,
      payload: { version: 1, inherentImpact: 5, treatmentOption: "modify", status: "treating" },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ inherentRating: "high", status: "treating", version: 2 });
    const stale = await t.call(owner.token, { method: "PATCH", url, payload: { version: 1, title: "Lost" } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
    const audit = await auditOf(t, owner.orgId, risk.id);
    expect(audit.at(-1)).toMatchObject({
      action: "risk.updated",
      changes: {
        inherentImpact: { before: 3, after: 5 },
        inherentRating: { before: "medium", after: "high" },
        status: { before: "assessed", after: "treating" },
      },
    });
  });

  it("refuses illegal status changes with 409", async () => {
    const risk = await create({ title: "Unrated" });
    const url = `${base()}/${risk.id}`;
    const accepted = await t.call(owner.token, { method: "PATCH", url, payload: { version: 1, status: "accepted" } });
    expect(accepted.statusCode).toBe(409);
    expect(accepted.json().error).toMatchObject({ code: "illegal_transition" });
    expect(accepted.json().error.message).toContain("recording an acceptance");
    const assessed = await t.call(owner.token, { method: "PATCH", url, payload: { version: 1, status: "assessed" } });
    expect(assessed.statusCode).toBe(409);
    expect(assessed.json().error.message).toContain("Rate the inherent likelihood");
  });

  it("archives with a reason, then refuses further edits", async () => {
    const risk = await create({ title: "Duplicate entry" });
    const url = `${base()}/${risk.id}`;
    const noReason = await t.call(owner.token, { method: "POST", url: `${url}/archive`, payload: { version: 1 } });
    expect(noReason.statusCode).toBe(400);
    expect(invalidFieldLines(noReason)).toContain("body.reason");
    const archived = await t.call(owner.token, {
      method: "POST",
      url: `${url}/archive`,
      payload: { version: 1, reason: "Same as another risk" },
    });
    expect(archived.json()).toMatchObject({ archiveReason: "Same as another risk", version: 2 });
    expect(archived.json().archivedAt).not.toBeNull();
    const edit = await t.call(owner.token, { method: "PATCH", url, payload: { version: 2, title: "x" } });
    expect(edit.statusCode).toBe(409);
    expect((await auditOf(t, owner.orgId, risk.id)).at(-1)?.action).toBe("risk.archived");
  });

  it("answers 404 for another organisation's risk, and 403 to a viewer's change", async () => {
    const risk = await create({ title: "Private" });
    const foreign = await t.call(other.token, {
      method: "GET",
      url: `/api/v1/orgs/${other.orgId}/risks/${risk.id}`,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.message).toContain(`Risk '${risk.id}'`);
    const foreignPatch = await t.call(other.token, {
      method: "PATCH",
      url: `/api/v1/orgs/${other.orgId}/risks/${risk.id}`,
      payload: { version: 1, title: "Taken" },
    });
    expect(foreignPatch.statusCode).toBe(404);
    const read = await t.call(viewer.token, { method: "GET", url: `${base()}/${risk.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: risk.id, actions: [], acceptances: [] });
    const write = await t.call(viewer.token, { method: "POST", url: base(), payload: { title: "Nope" } });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe("forbidden");
  });

  describe("list", () => {
    let listOwner: TestMember;
    let listSystem: string;
    beforeAll(async () => {
      listOwner = await t.addOrg("Listing");
      listSystem = await addSystem(t, listOwner.orgId, { name: "Scoring model" });
      const specs = [
        { title: "Alpha", inherentLikelihood: 1, inherentImpact: 1 },
        { title: "Bravo", inherentLikelihood: 5, inherentImpact: 5, systemId: listSystem },
        { title: "Charlie", inherentLikelihood: 3, inherentImpact: 3, systemId: listSystem },
        { title: "Delta 100%" },
        { title: "Echo", inherentLikelihood: 4, inherentImpact: 4 },
      ];
      for (const spec of specs) {
        const res = await t.call(listOwner.token, {
          method: "POST",
          url: `/api/v1/orgs/${listOwner.orgId}/risks`,
          payload: spec,
        });
        expect(res.statusCode).toBe(201);
      }
    });

    async function all(query: string): Promise<Risk[]> {
      const out: Risk[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/orgs/${listOwner.orgId}/risks?limit=2&${query}${cursor ? `&cursor=${cursor}` : ""}`;
        const res = await t.call(listOwner.token, { method: "GET", url });
        expect(res.statusCode, res.body).toBe(200);
        out.push(...res.json().items);
        cursor = res.json().nextCursor;
      } while (cursor);
      return out;
    }

    it("pages through every risk once in the requested order", async () => {
      const byTitle = (await all("sort=title")).map((r) => r.title);
      expect(byTitle).toEqual(["Alpha", "Bravo", "Charlie", "Delta 100%", "Echo"]);
      expect((await all("sort=-title")).map((r) => r.title)).toEqual([...byTitle].reverse());
      const byRating = (await all("sort=-rating")).map((r) => r.currentRating);
      expect(byRating).toEqual(["critical", "high", "medium", "low", null]);
    });

    it("filters by system, scope, rating, status and text", async () => {
      expect((await all(`systemId=${listSystem}`)).map((r) => r.title).sort()).toEqual(["Bravo", "Charlie"]);
      expect(await all("scope=organization")).toHaveLength(3);
      expect((await all("rating=high")).map((r) => r.title)).toEqual(["Echo"]);
      expect((await all("status=identified")).map((r) => r.title)).toEqual(["Delta 100%"]);
      expect((await all("q=100%25")).map((r) => r.title)).toEqual(["Delta 100%"]);
      expect(await all("q=R-")).toHaveLength(5);
      const bad = await t.call(listOwner.token, {
        method: "GET",
        url: `/api/v1/orgs/${listOwner.orgId}/risks?rating=huge&sort=size`,
      });
      expect(bad.statusCode).toBe(400);
      expect(invalidFieldLines(bad)).toContain("query.rating");
      expect(invalidFieldLines(bad)).toContain("query.sort");
    });
  });
});
