import { type RouteDef, type RouteId, roleAllows, roles, routes } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  paramTable,
  type RouteWalkIds,
  routeWalkIds,
  sampleBody,
  valueParams,
  walkPath,
} from "../testing/route-walk-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

/**
 * Walks every route of the contract table: the 404 rule across organisations and the role matrix
 * (which role may call what) are checked here for all routes, including ones added later.
 */
describe("route table authorisation", () => {
  let t: TestServer;
  let own: Record<string, TestMember>;
  let other: TestMember;
  let ownIds: RouteWalkIds;
  let otherIds: RouteWalkIds;

  beforeAll(async () => {
    t = await startTestServer();
    const owner = await t.addOrg("Own");
    own = { owner };
    for (const role of roles) if (role !== "owner") own[role] = await t.addMember(owner.orgId, role);
    other = await t.addOrg("Other");
    ownIds = await routeWalkIds(t, owner);
    otherIds = await routeWalkIds(t, other);
  });
  afterAll(() => t.close());

  const orgRoutes = (Object.entries(routes) as [RouteId, RouteDef][]).filter(([, r]) => r.access.kind === "org");
  const signedInRoutes = (Object.entries(routes) as [RouteId, RouteDef][]).filter(
    ([, r]) => r.access.kind !== "public",
  );
  const paramsOf = (route: RouteDef) => [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);

  /** The organisation a walk id's record belongs to, read from its table. */
  async function orgOfRecord(id: RouteId, param: string, recordId: string): Promise<string | undefined> {
    const table = paramTable(id, param);
    if (table === "organizations") {
      const org = await t.db.selectFrom("organizations").select("id").where("id", "=", recordId).executeTakeFirst();
      return org?.id;
    }
    const row = await t.db
      .selectFrom(table as "memberships")
      .select("org_id")
      .where("id", "=", recordId)
      .executeTakeFirst();
    return row?.org_id;
  }

  it("covers every route of the table", () => {
    expect(orgRoutes.length).toBeGreaterThan(10);
    for (const [, route] of orgRoutes) expect(route.path.startsWith("/api/v1/orgs/:orgId")).toBe(true);
  });

  it("names the route and parameter when a fixture id is missing", () => {
    const route = { ...routes.getRisk, path: "/api/v1/orgs/:orgId/risks/:riskId/widgets/:widgetId" };
    expect(() => walkPath("getRisk", route, ownIds)).toThrow(/Route getRisk .* has no fixture id for :widgetId/);
  });

  it.each(orgRoutes)("%s walks with records that exist in each organisation", async (id, route) => {
    for (const param of paramsOf(route).filter((name) => !valueParams.has(name))) {
      const [ownRecord, otherRecord] = [ownIds, otherIds].map((ids) => ids[`${id}.${param}`] ?? ids[param]);
      expect(await orgOfRecord(id, param, ownRecord as string), `own ${param}`).toBe(own.owner?.orgId);
      expect(await orgOfRecord(id, param, otherRecord as string), `other ${param}`).toBe(other.orgId);
    }
  });

  it.each(signedInRoutes)("%s refuses anonymous callers with 401", async (id, route) => {
    const res = await t.app.inject({
      method: route.method,
      url: walkPath(id, route, ownIds),
      payload: route.body ? {} : undefined,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
  });

  it.each(orgRoutes)("%s answers 404 for another organisation's id", async (id, route) => {
    // Another organisation in the URL.
    const foreignOrg = await t.call(own.owner?.token as string, {
      method: route.method,
      url: walkPath(id, route, { ...ownIds, orgId: other.orgId }),
      payload: route.body ? {} : undefined,
    });
    expect(foreignOrg.statusCode).toBe(404);
    // Our organisation in the URL, another organisation's record in it.
    if (paramsOf(route).length > 1) {
      const foreignEntity = await t.call(own.owner?.token as string, {
        method: route.method,
        url: walkPath(id, route, { ...otherIds, orgId: own.owner?.orgId as string }),
        payload: sampleBody(id, route),
      });
      expect(foreignEntity.statusCode, foreignEntity.body).toBe(404);
      // The same URL in its own organisation finds the record, so the 404 above is about the organisation.
      if (route.method === "GET") {
        const home = await t.call(other.token, { method: "GET", url: walkPath(id, route, otherIds) });
        expect(home.statusCode, home.body).toBe(200);
      }
    }
  });

  for (const role of roles) {
    it.each(orgRoutes)(`%s follows the role matrix for ${role}`, async (id, route) => {
      const member = own[role] as TestMember;
      const res = await t.call(member.token, {
        method: route.method,
        url: walkPath(id, route, ownIds),
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
