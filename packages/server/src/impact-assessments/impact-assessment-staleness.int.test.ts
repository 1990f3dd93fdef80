import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { archiveSystem, changeSystemMaterially, completeContent, createSystem } from "./impact-assessment-test-data.js";
import { findSystemImpactStatus, findSystemsNeedingImpactAssessment } from "./system-impact-statuses.js";

describe("impact assessment staleness and overview", () => {
  let t: TestServer;
  let owner: TestMember;
  let stranger: TestMember;
  const base = () => `/api/v1/orgs/${owner.orgId}`;
  const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    t.call(owner.token, { method, url: `${base()}${url}`, payload });

  /** Starts, fills and submits a revision; returns the submitted record. */
  async function submitFor(systemId: string) {
    const draft = (await call("POST", `/systems/${systemId}/impact-assessments`, {})).json();
    const edited = (
      await call("PATCH", `/impact-assessments/${draft.id}`, { content: completeContent(), version: draft.version })
    ).json();
    return (await call("POST", `/impact-assessments/${draft.id}/submit`, { version: edited.version })).json();
  }

  async function approve(submitted: { id: string; contentHash: string; version: number }) {
    return call("POST", `/impact-assessments/${submitted.id}/approve`, {
      contentHash: submitted.contentHash,
      version: submitted.version,
    });
  }

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Staleness");
    stranger = await t.addOrg("Elsewhere");
  });
  afterAll(() => t.close());

  it("turns an approved assessment stale when its system changes materially, and lists it for attention", async () => {
    const systemId = await createSystem(t, owner, "Loan advisor");
    const approved = await approve(await submitFor(systemId));
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await findSystemImpactStatus(t.db, owner.orgId, systemId))?.state).toBe("approved");
    expect((await findSystemsNeedingImpactAssessment(t.db, owner.orgId)).map((s) => s.system.id)).not.toContain(
      systemId,
    );

    await changeSystemMaterially(t, owner, systemId);
    const record = (await call("GET", `/impact-assessments/${approved.json().id}`)).json();
    expect(record.stale).toBe(true);
    expect(record.staleReason).toContain("changed materially");
    const status = await findSystemImpactStatus(t.db, owner.orgId, systemId);
    expect(status).toMatchObject({ state: "stale", approved: { id: record.id } });
    const needing = await findSystemsNeedingImpactAssessment(t.db, owner.orgId);
    expect(needing.find((s) => s.system.id === systemId)?.state).toBe("stale");

    // Reassessing clears it: a new revision approved after the change is current again.
    const again = await approve(await submitFor(systemId));
    expect(again.json()).toMatchObject({ status: "approved", stale: false, revision: 2, basedOnId: record.id });
    expect((await findSystemImpactStatus(t.db, owner.orgId, systemId))?.state).toBe("approved");
  });

  it("refuses approval when the system changed after submission", async () => {
    const systemId = await createSystem(t, owner, "Fraud screen");
    const submitted = await submitFor(systemId);
    await changeSystemMaterially(t, owner, systemId);
    const res = await approve(submitted);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("illegal_transition");
    expect(res.json().error.message).toContain("changed materially after");
  });

  it("shows every system's state in the overview and filters by state in agreement with the rule", async () => {
    const none = await createSystem(t, owner, "Aa none");
    const draft = await createSystem(t, owner, "Ab draft");
    await call("POST", `/systems/${draft}/impact-assessments`, {});
    const submitted = await createSystem(t, owner, "Ac submitted");
    await submitFor(submitted);
    const archived = await createSystem(t, owner, "Ad archived");
    await archiveSystem(t, owner, archived);
    const onArchived = await call("POST", `/systems/${archived}/impact-assessments`, {});
    expect(onArchived.statusCode).toBe(409);
    expect(onArchived.json().error.message).toContain("archived");

    const items: { system: { id: string; name: string }; state: string; open: { status: string } | null }[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/impact-assessments/overview?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await call("GET", url)).json();
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const byId = new Map(items.map((i) => [i.system.id, i]));
    expect(byId.get(none)?.state).toBe("none");
    expect(byId.get(draft)).toMatchObject({ state: "draft", open: { status: "draft" } });
    expect(byId.get(submitted)?.state).toBe("submitted");
    expect(byId.has(archived)).toBe(false);
    const names = items.map((i) => i.system.name);
    expect(names).toEqual([...names].sort());

    for (const state of ["none", "draft", "submitted", "approved", "stale"] as const) {
      const filtered = (await call("GET", `/impact-assessments/overview?state=${state}&limit=200`)).json();
      const expected = items.filter((i) => i.state === state).map((i) => i.system.id);
      expect(filtered.items.map((i: { system: { id: string } }) => i.system.id).sort(), state).toEqual(expected.sort());
    }
    const attention = (await call("GET", "/impact-assessments/overview?state=attention&limit=200")).json();
    expect(attention.items.every((i: { state: string }) => i.state !== "approved")).toBe(true);
    expect(attention.items.length).toBe(items.filter((i) => i.state !== "approved").length);

    const bad = await call("GET", "/impact-assessments/overview?state=fine");
    expect(bad.statusCode).toBe(400);
    expect(invalidFieldLines(bad)).toContain("query.state");
  });

  it("answers 404 for another organisation's systems and assessments", async () => {
    const foreignSystem = await createSystem(t, stranger, "Their system");
    const theirs = (
      await t.call(stranger.token, {
        method: "POST",
        url: `/api/v1/orgs/${stranger.orgId}/systems/${foreignSystem}/impact-assessments`,
        payload: {},
      })
    ).json();
    const start = await call("POST", `/systems/${foreignSystem}/impact-assessments`, {});
    expect(start.statusCode).toBe(404);
    expect(start.json().error.message).toContain(foreignSystem);
    expect((await call("GET", `/systems/${foreignSystem}/impact-assessments`)).statusCode).toBe(404);
    const get = await call("GET", `/impact-assessments/${theirs.id}`);
    expect(get.statusCode).toBe(404);
    expect(get.json().error.message).toContain("Impact assessment");
    const submit = await call("POST", `/impact-assessments/${theirs.id}/submit`, { version: 1 });
    expect(submit.statusCode).toBe(404);
    const approveForeign = await call("POST", `/impact-assessments/${theirs.id}/approve`, {
      contentHash: "0".repeat(64),
      version: 1,
    });
    expect(approveForeign.statusCode).toBe(404);
    expect(await findSystemImpactStatus(t.db, owner.orgId, foreignSystem)).toBeNull();
  });
});
