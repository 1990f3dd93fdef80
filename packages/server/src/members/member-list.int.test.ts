import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

describe("member list", () => {
  let t: TestServer;
  let owner: TestMember;
  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Paging");
    for (const role of ["viewer", "viewer", "auditor", "contributor", "viewer"] as const)
      await t.addMember(owner.orgId, role);
  });
  afterAll(() => t.close());

  async function all(query: string): Promise<{ email: string; role: string }[]> {
    const out: { email: string; role: string }[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/orgs/${owner.orgId}/members?limit=2&${query}${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await t.call(owner.token, { method: "GET", url })).json();
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }

  it("pages through every member exactly once in the requested order", async () => {
    const byEmail = await all("sort=email");
    expect(byEmail).toHaveLength(6);
    const emails = byEmail.map((m) => m.email);
    expect(emails).toEqual([...emails].sort());
    const desc = (await all("sort=-email")).map((m) => m.email);
    expect(desc).toEqual([...emails].reverse());
  });

  it("filters by role and by search text", async () => {
    expect((await all("role=viewer")).every((m) => m.role === "viewer")).toBe(true);
    expect(await all("role=viewer")).toHaveLength(3);
    expect(await all("q=auditor")).toHaveLength(1);
    const bad = await t.call(owner.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/members?role=wizard` });
    expect(bad.statusCode).toBe(400);
    expect(invalidFieldLines(bad)).toContain("query.role");
  });

  it("archives a member with a reason, keeps the record, and ends their token", async () => {
    const viewer = await t.addMember(owner.orgId, "viewer");
    const row = await t.db
      .selectFrom("memberships")
      .select(["id", "version"])
      .where("user_id", "=", viewer.userId)
      .executeTakeFirstOrThrow();
    const noReason = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/members/${row.id}/archive`,
      payload: { version: row.version },
    });
    expect(noReason.statusCode).toBe(400);
    const archived = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/members/${row.id}/archive`,
      payload: { reason: "Left the company", version: row.version },
    });
    expect(archived.json()).toMatchObject({ status: "archived", archiveReason: "Left the company" });
    const theirCall = await t.call(viewer.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}` });
    expect(theirCall.statusCode).toBe(401);
    const listed = await all("status=archived");
    expect(listed.map((m) => m.email)).toContain(viewer.email);
  });
});
