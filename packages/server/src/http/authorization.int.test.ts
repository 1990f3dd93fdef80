import { type RouteDef, type RouteId, roleAllows, roles, routes } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { governanceIds, sampleBody } from "../testing/route-walk-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

/**
 * Walks every route of the contract table: the 404 rule across organisations and the role matrix
 * (which role may call what) are checked here for all routes, including ones added later.
 */
describe("route table authorisation", () => {
  let t: TestServer;
  let own: Record<string, TestMember>;
  let other: TestMember;
  let ownIds: Record<string, string>;
  let otherIds: Record<string, string>;

  async function entityIds(owner: TestMember): Promise<Record<string, string>> {
    const extra = await t.addMember(owner.orgId, "viewer");
    const member = await t.db
      .selectFrom("memberships")
      .select("id")
      .where("user_id", "=", extra.userId)
      .executeTakeFirstOrThrow();
    const invite = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/invitations`,
      payload: { email: `invitee-${owner.orgId.slice(0, 6)}@example.com`, role: "viewer" },
    });
    const token = await t.db
      .selectFrom("api_tokens")
      .select("id")
      .where("user_id", "=", extra.userId)
      .executeTakeFirstOrThrow();
    return {
      orgId: owner.orgId,
      memberId: member.id,
      invitationId: invite.json().invitation.id,
      tokenId: token.id,
      ...(await governanceIds(t, owner)),
    };
  }

  const pathFor = (route: RouteDef, ids: Record<string, string>) =>
    route.path.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? "00000000-0000-4000-8000-000000000000");

  beforeAll(async () => {
    t = await startTestServer();
    const owner = await t.addOrg("Own");
    own = { owner };
    for (const role of roles) if (role !== "owner") own[role] = await t.addMember(owner.orgId, role);
    other = await t.addOrg("Other");
    ownIds = await entityIds(owner);
    otherIds = await entityIds(other);
  });
  afterAll(() => t.close());

  const orgRoutes = (Object.entries(routes) as [RouteId, RouteDef][]).filter(([, r]) => r.access.kind === "org");
  const signedInRoutes = (Object.entries(routes) as [RouteId, RouteDef][]).filter(
    ([, r]) => r.access.kind !== "public",
  );

  it("covers every route of the table", () => {
    expect(orgRoutes.length).toBeGreaterThan(10);
    for (const [, route] of orgRoutes) expect(route.path.startsWith("/api/v1/orgs/:orgId")).toBe(true);
  });

  it.each(signedInRoutes)("%s refuses anonymous callers with 401", async (_id, route) => {
    const res = await t.app.inject({
      method: route.method,
      url: pathFor(route, ownIds),
      payload: route.body ? {} : undefined,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
  });

  it.each(orgRoutes)("%s answers 404 for another organisation's id", async (id, route) => {
    // Another organisation in the URL.
    const foreignOrg = await t.call(own.owner?.token as string, {
      method: route.method,
      url: pathFor(route, { ...ownIds, orgId: other.orgId }),
      payload: route.body ? {} : undefined,
    });
    expect(foreignOrg.statusCode).toBe(404);
    // Our organisation in the URL, another organisation's record in it.
    if (route.params && Object.keys(route.params.shape).length > 1) {
      const foreignEntity = await t.call(own.owner?.token as string, {
        method: route.method,
        url: pathFor(route, { ...otherIds, orgId: own.owner?.orgId as string }),
        payload: sampleBody(id, route),
      });
      expect(foreignEntity.statusCode).toBe(404);
    }
  });

  for (const role of roles) {
    it.each(orgRoutes)(`%s follows the role matrix for ${role}`, async (_id, route) => {
      const member = own[role] as TestMember;
      const res = await t.call(member.token, {
        method: route.method,
        url: pathFor(route, ownIds),
        payload: route.body ? {} : undefined,
      });
      const permission = route.access.kind === "org" ? route.access.permission : "org.read";
      if (roleAllows(role, permission)) {
        expect(res.statusCode, res.body).not.toBe(403);
        expect(res.statusCode, res.body).toBeLessThan(500);
      } else {
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json().error.code).toBe("forbidden");
      }
    });
  }

  it("refuses writes with a read-scope token and cross-organisation use of a token", async () => {
    const owner = own.owner as TestMember;
    const created = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/tokens`,
      payload: { name: "read only", scope: "read" },
    });
    const read = created.json().secret as string;
    const write = await t.call(read, {
      method: "PATCH",
      url: `/api/v1/orgs/${owner.orgId}`,
      payload: { name: "x", version: 1 },
    });
    expect(write.statusCode).toBe(403);
    const get = await t.call(read, { method: "GET", url: `/api/v1/orgs/${owner.orgId}` });
    expect(get.statusCode).toBe(200);
    const elsewhere = await t.call(other.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}` });
    expect(elsewhere.statusCode).toBe(404);
    const bogus = await t.call("aims_pat_not-a-real-token", { method: "GET", url: "/api/v1/me" });
    expect(bogus.statusCode).toBe(401);
  });
});
