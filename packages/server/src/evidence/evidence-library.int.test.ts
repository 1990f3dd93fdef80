import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { givenControl, givenRisk, givenSystem } from "./evidence-test-fixtures.js";

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe("evidence library", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;
  let monthly: string;
  let quarterly: string;
  let systemId: string;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Library");
    other = await t.addOrg("Other library");
    monthly = await givenControl(t.db, owner.orgId, "C-MONTHLY", 30);
    quarterly = await givenControl(t.db, owner.orgId, "C-QUARTERLY", 90);
    await givenRisk(t.db, owner.orgId, "R-77");
    systemId = await givenSystem(t.db, owner.orgId, "credit-scorer");
  });
  afterAll(() => t.close());

  const base = (member: TestMember = owner) => `/api/v1/orgs/${member.orgId}/evidence`;
  const create = (payload: Record<string, unknown>, member: TestMember = owner) =>
    t.call(member.token, { method: "POST", url: base(member), payload });

  it("derives the expiry from the shortest freshness period of the linked controls", async () => {
    const res = await create({
      kind: "record",
      title: "Access review",
      body: "Reviewed all model endpoints.",
      collectedAt: "2025-01-01",
      controlIds: [quarterly, "C-MONTHLY"],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: "record",
      source: "api",
      validityBasis: "control_freshness",
      validUntil: "2025-01-31T00:00:00.000Z",
      state: "expired",
    });
    const explicit = await create({
      kind: "link",
      title: "Policy page",
      url: "https://intranet.example.com/ai-policy",
      validUntil: new Date(Date.now() + 400 * DAY).toISOString(),
      controlIds: [monthly],
    });
    expect(explicit.json()).toMatchObject({ validityBasis: "explicit", state: "current" });
    const none = await create({ kind: "link", title: "No controls", url: "http://example.com/x" });
    expect(none.json()).toMatchObject({ validityBasis: "none", validUntil: null, state: "current" });
  });

  it("shows current, expiring and expired evidence, and lists what needs attention", async () => {
    const expired = (
      await create({
        kind: "record",
        title: "Old test run",
        body: "x",
        collectedAt: daysAgo(45),
        controlIds: [monthly],
      })
    ).json();
    const expiring = (
      await create({
        kind: "record",
        title: "Recent test run",
        body: "x",
        collectedAt: daysAgo(10),
        controlIds: [monthly],
      })
    ).json();
    const current = (
      await create({
        kind: "record",
        title: "Fresh review",
        body: "x",
        collectedAt: daysAgo(1),
        controlIds: [quarterly],
      })
    ).json();
    expect([expired.state, expiring.state, current.state]).toEqual(["expired", "expiring", "current"]);

    const ids = async (query: string) =>
      (await t.call(owner.token, { method: "GET", url: `${base()}?${query}` }))
        .json()
        .items.map((e: { id: string }) => e.id);
    expect(await ids("state=expired")).toContain(expired.id);
    expect(await ids("state=expired")).not.toContain(expiring.id);
    expect(await ids("state=expiring")).toEqual([expiring.id]);
    expect(await ids("state=current")).toContain(current.id);

    const attention = await t.call(owner.token, { method: "GET", url: `${base()}/attention` });
    expect(attention.statusCode).toBe(200);
    const items = attention.json().items as { evidence: { id: string }; affectedControls: { ref: string }[] }[];
    const attentionIds = items.map((item) => item.evidence.id);
    expect(attentionIds).toContain(expired.id);
    expect(attentionIds).toContain(expiring.id);
    expect(attentionIds).not.toContain(current.id);
    expect(attentionIds.indexOf(expired.id)).toBeLessThan(attentionIds.indexOf(expiring.id));
    const lonely = await givenControl(t.db, owner.orgId, "C-LONELY", 30);
    const stale = (
      await create({ kind: "record", title: "Only proof", body: "x", collectedAt: daysAgo(60), controlIds: [lonely] })
    ).json();
    const again = (await t.call(owner.token, { method: "GET", url: `${base()}/attention?limit=200` })).json();
    const staleItem = again.items.find((item: { evidence: { id: string } }) => item.evidence.id === stale.id);
    expect(staleItem.affectedControls).toEqual([
      { id: lonely, ref: "C-LONELY", title: "Control C-LONELY", evidenceState: "expired" },
    ]);
    expect(items.find((item) => item.evidence.id === expired.id)?.affectedControls).toEqual([
      // Other evidence of this control (e.g. "Recent test run") is still current.
      { id: monthly, ref: "C-MONTHLY", title: "Control C-MONTHLY", evidenceState: "current" },
    ]);
  });

  it("filters by link, source, text and pages through every match once", async () => {
    for (let i = 0; i < 5; i += 1) {
      await create({ kind: "link", title: `Paged ${i}`, url: `https://example.com/${i}`, systemIds: [systemId] });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${base()}?systemId=${systemId}&limit=2&sort=title${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await t.call(owner.token, { method: "GET", url })).json();
      seen.push(...page.items.map((e: { title: string }) => e.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Paged 0", "Paged 1", "Paged 2", "Paged 3", "Paged 4"]);
    const byText = (await t.call(owner.token, { method: "GET", url: `${base()}?q=paged%203` })).json();
    expect(byText.items.map((e: { title: string }) => e.title)).toEqual(["Paged 3"]);
    const byClause = await create({ kind: "link", title: "Clause linked", url: "https://e.com", clauseIds: ["9.2.1"] });
    const clauseList = (await t.call(owner.token, { method: "GET", url: `${base()}?clauseId=9.2.1` })).json();
    expect(clauseList.items.map((e: { id: string }) => e.id)).toEqual([byClause.json().id]);
    const manual = (await t.call(owner.token, { method: "GET", url: `${base()}?source=manual` })).json();
    expect(manual.items).toEqual([]);
    const bad = await t.call(owner.token, { method: "GET", url: `${base()}?state=stale` });
    expect(bad.statusCode).toBe(400);
    expect(invalidFieldLines(bad)).toContain("query.state");
  });

  it("names the field of a bad request", async () => {
    const badUrl = await create({ kind: "link", title: "FTP", url: "ftp://example.com/file" });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().error.details.fields.map((f: { field: string }) => f.field)).toContain("body.url");
    const badClause = await create({ kind: "record", title: "R", body: "x", clauseIds: ["4.9"] });
    expect(badClause.json().error.details.fields[0]).toMatchObject({ field: "body.clauseIds" });
    const badDates = await create({
      kind: "record",
      title: "R",
      body: "x",
      collectedAt: "2025-02-01",
      validUntil: "2025-01-01",
    });
    expect(badDates.json().error.details.fields[0]).toMatchObject({ field: "body.validUntil" });
    const noKind = await create({ title: "R" });
    expect(noKind.statusCode).toBe(400);
  });

  it("links and unlinks, re-deriving the expiry and keeping the archived link", async () => {
    const evidence = (await create({ kind: "record", title: "Linkable", body: "x", collectedAt: "2025-03-01" })).json();
    const linkUrl = `${base()}/${evidence.id}/links`;
    const linked = await t.call(owner.token, {
      method: "POST",
      url: linkUrl,
      payload: { targetType: "control", target: "C-MONTHLY" },
    });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json()).toMatchObject({ targetType: "control", targetId: monthly, ref: "C-MONTHLY" });
    const again = await t.call(owner.token, {
      method: "POST",
      url: linkUrl,
      payload: { targetType: "control", target: monthly },
    });
    expect(again.json().id).toBe(linked.json().id);
    await t.call(owner.token, { method: "POST", url: linkUrl, payload: { targetType: "risk", target: "R-77" } });
    const clause = await t.call(owner.token, {
      method: "POST",
      url: linkUrl,
      payload: { targetType: "clause", target: "7.5.3" },
    });
    expect(clause.json()).toMatchObject({ clauseId: "7.5.3", ref: "7.5.3", title: expect.any(String) });

    const detail = (await t.call(owner.token, { method: "GET", url: `${base()}/${evidence.id}` })).json();
    expect(detail.links.map((l: { ref: string }) => l.ref)).toEqual(["C-MONTHLY", "R-77", "7.5.3"]);
    expect(detail).toMatchObject({ validUntil: "2025-03-31T00:00:00.000Z", validityBasis: "control_freshness" });

    const unlinked = await t.call(owner.token, {
      method: "POST",
      url: `${linkUrl}/${linked.json().id}/archive`,
      payload: { reason: "Wrong control" },
    });
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json()).toMatchObject({ validUntil: null, validityBasis: "none" });
    expect(unlinked.json().links.map((l: { ref: string }) => l.ref)).toEqual(["R-77", "7.5.3"]);
    const kept = await t.db
      .selectFrom("evidence_links")
      .select(["archived_at", "archive_reason"])
      .where("id", "=", linked.json().id)
      .executeTakeFirstOrThrow();
    expect(kept.archived_at).not.toBeNull();
    expect(kept.archive_reason).toBe("Wrong control");
    const actions = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("entity_id", "=", evidence.id)
      .orderBy("seq")
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      "evidence.created",
      "evidence.linked",
      "evidence.linked",
      "evidence.linked",
      "evidence.unlinked",
    ]);
  });

  it("answers 404 for other organisations' evidence and link targets", async () => {
    const mine = (await create({ kind: "link", title: "Mine", url: "https://e.com" })).json();
    const foreignRead = await t.call(other.token, { method: "GET", url: `${base(other)}/${mine.id}` });
    expect(foreignRead.statusCode).toBe(404);
    expect(foreignRead.json().error.message).toContain(`Evidence '${mine.id}'`);
    const theirs = (await create({ kind: "link", title: "Theirs", url: "https://e.com" }, other)).json();
    const foreignLink = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/${theirs.id}/links`,
      payload: { targetType: "control", target: monthly },
    });
    expect(foreignLink.statusCode).toBe(404);
    const foreignTarget = await t.call(other.token, {
      method: "POST",
      url: `${base(other)}/${theirs.id}/links`,
      payload: { targetType: "control", target: monthly },
    });
    expect(foreignTarget.statusCode).toBe(404);
    expect(foreignTarget.json().error.message).toContain(`Control '${monthly}'`);
    const unknownSystem = await create({ kind: "link", title: "X", url: "https://e.com", systemIds: ["nope"] });
    expect(unknownSystem.json().error.message).toContain("AI system 'nope'");
  });

  it("links evidence to inventory assets by id or unique name, lists and exports it by asset", async () => {
    const asset = (member: TestMember, name: string) =>
      t.call(member.token, {
        method: "POST",
        url: `/api/v1/orgs/${member.orgId}/assets`,
        payload: { name, kind: "model" },
      });
    const scorer = (await asset(owner, "scorer-weights")).json();
    const twinA = (await asset(owner, "twin-model")).json();
    await asset(owner, "twin-model");
    const foreign = (await asset(other, "foreign-model")).json();

    const byName = await create({
      kind: "record",
      title: "Model card review",
      body: "ok",
      assetIds: ["scorer-weights"],
    });
    expect(byName.statusCode, byName.body).toBe(201);
    expect(byName.json().links).toMatchObject([
      { targetType: "asset", targetId: scorer.id, ref: "scorer-weights", title: "scorer-weights" },
    ]);
    // A name two assets share names neither: the caller must send the id.
    const shared = await create({ kind: "record", title: "X", body: "x", assetIds: ["twin-model"] });
    expect(shared.statusCode).toBe(404);
    expect(shared.json().error.message).toContain("Asset 'twin-model'");
    const byId = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/${byName.json().id}/links`,
      payload: { targetType: "asset", target: twinA.id },
    });
    expect(byId.statusCode, byId.body).toBe(201);
    expect(byId.json()).toMatchObject({ targetType: "asset", targetId: twinA.id, ref: "twin-model" });
    // Another organisation's asset is not found, by id or by name.
    const foreignById = await create({ kind: "record", title: "X", body: "x", assetIds: [foreign.id] });
    expect(foreignById.statusCode).toBe(404);
    expect((await create({ kind: "record", title: "X", body: "x", assetIds: ["foreign-model"] })).statusCode).toBe(404);

    // A file names its assets in the query, as a comma list of ids or names.
    const file = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/files?title=Weights%20digest&filename=weights.txt&assetIds=scorer-weights,${twinA.id}`,
      headers: { "content-type": "application/octet-stream" },
      payload: "sha256 of the weights\n",
    });
    expect(file.statusCode, file.body).toBe(201);
    expect(
      file
        .json()
        .links.map((l: { targetId: string }) => l.targetId)
        .sort(),
    ).toEqual([scorer.id, twinA.id].sort());
    const listed = (
      await t.call(owner.token, { method: "GET", url: `${base()}?assetId=${scorer.id}&sort=title` })
    ).json();
    expect(listed.items.map((item: { id: string }) => item.id)).toEqual([byName.json().id, file.json().id]);
    const csv = await t.call(owner.token, { method: "GET", url: `${base()}/export?format=csv` });
    const [header, ...rows] = csv.body.split(/\r?\n/);
    expect(header).toContain("Assets");
    expect(rows.find((line: string) => line.includes("Model card review"))).toContain("scorer-weights");

    const archived = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/assets/${scorer.id}/archive`,
      payload: { version: scorer.version, reason: "Replaced" },
    });
    expect(archived.statusCode, archived.body).toBe(200);
    const onArchived = await create({ kind: "record", title: "Late", body: "x", assetIds: [scorer.id] });
    expect(onArchived.statusCode).toBe(409);
    expect(onArchived.json().error.message).toContain("is archived");
  });

  it("updates with a version, refuses stale versions and changes to archived evidence", async () => {
    const evidence = (await create({ kind: "link", title: "Draft", url: "https://e.com/a" })).json();
    const url = `${base()}/${evidence.id}`;
    const updated = await t.call(owner.token, {
      method: "PATCH",
      url,
      payload: { version: evidence.version, title: "Final", url: "https://e.com/b" },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ title: "Final", url: "https://e.com/b", version: evidence.version + 1 });
    const stale = await t.call(owner.token, {
      method: "PATCH",
      url,
      payload: { version: evidence.version, title: "Lost" },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
    const wrongKind = await t.call(owner.token, {
      method: "PATCH",
      url,
      payload: { version: evidence.version + 1, body: "text" },
    });
    expect(wrongKind.json().error.details.fields[0].field).toBe("body.body");
    const archived = await t.call(owner.token, {
      method: "POST",
      url: `${url}/archive`,
      payload: { version: evidence.version + 1, reason: "Superseded by E-99" },
    });
    expect(archived.json()).toMatchObject({ status: "archived", archiveReason: "Superseded by E-99" });
    const afterArchive = await t.call(owner.token, {
      method: "PATCH",
      url,
      payload: { version: evidence.version + 2, title: "Again" },
    });
    expect(afterArchive.statusCode).toBe(409);
    expect(afterArchive.json().error.code).toBe("illegal_transition");
    const listed = (await t.call(owner.token, { method: "GET", url: `${base()}?status=archived` })).json();
    expect(listed.items.map((e: { id: string }) => e.id)).toContain(evidence.id);
    const audit = await t.db
      .selectFrom("audit_entries")
      .select(["action", "changes"])
      .where("entity_id", "=", evidence.id)
      .orderBy("seq")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["evidence.created", "evidence.updated", "evidence.archived"]);
    expect(audit[1]?.changes.title).toEqual({ before: "Draft", after: "Final" });
  });

  it("lets a viewer read but not write", async () => {
    const viewer = await t.addMember(owner.orgId, "viewer");
    expect((await t.call(viewer.token, { method: "GET", url: base() })).statusCode).toBe(200);
    const refused = await create({ kind: "link", title: "X", url: "https://e.com" }, viewer);
    expect(refused.statusCode).toBe(403);
  });

  it("exports the register with hashes and linked references", async () => {
    const csv = await t.call(owner.token, { method: "GET", url: `${base()}/export?format=csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body.split(/\r?\n/);
    expect(lines[0]).toContain("SHA-256");
    const row = lines.find((line) => line.includes("Access review"));
    expect(row).toContain("C-QUARTERLY");
    expect(row).toContain("C-MONTHLY");
    expect(csv.headers["x-content-sha256"]).toMatch(/^[0-9a-f]{64}$/);
    const xlsx = await t.call(owner.token, { method: "GET", url: `${base()}/export?format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const pdf = await t.call(owner.token, { method: "GET", url: `${base()}/export?format=pdf` });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
