import { type RouteDef, type RouteId, roleAllows, roles, routes } from "@openaims/contracts";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

/** The routes of domain claims and account links, walked the way the whole-table walks do. */
const SSO_ROUTES: RouteId[] = [
  "listSsoDomains",
  "sendSsoDomainVerification",
  "previewSsoDomainVerification",
  "confirmSsoDomainVerification",
  "getSsoLink",
  "linkSsoAccount",
];
const entries = SSO_ROUTES.map((id) => [id, routes[id] as RouteDef] as const);
const orgEntries = entries.filter(([, route]) => route.access.kind === "org");

describe("single sign-on routes under hostile and unauthorised callers", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;
  const members: Partial<Record<(typeof roles)[number], TestMember>> = {};
  const pathOf = (route: RouteDef, orgId: string) => route.path.replace(":orgId", orgId);

  beforeAll(async () => {
    // A mail server address that refuses connections: sending fails fast, never 5xx.
    t = await startTestServer({ smtpUrl: "smtp://127.0.0.1:9", bodyLimitBytes: 64 * 1024 });
    owner = await t.addOrg("Walk");
    other = await t.addOrg("Other");
    members.owner = owner;
    for (const role of roles) if (role !== "owner") members[role] = await t.addMember(owner.orgId, role);
  });
  afterAll(() => t.close());

  it.each(orgEntries)(
    "%s refuses anonymous callers, other organisations, and roles without the permission",
    async (_id, route) => {
      const anonymous = await t.app.inject({
        method: route.method,
        url: pathOf(route, owner.orgId),
        payload: route.body ? {} : undefined,
      });
      expect(anonymous.statusCode).toBe(401);
      const foreign = await t.call(owner.token, {
        method: route.method,
        url: pathOf(route, other.orgId),
        payload: route.body ? {} : undefined,
      });
      expect(foreign.statusCode).toBe(404);
      for (const role of roles) {
        const res = await t.call((members[role] as TestMember).token, {
          method: route.method,
          url: pathOf(route, owner.orgId),
          payload: route.body ? {} : undefined,
        });
        const permission = route.access.kind === "org" ? route.access.permission : "org.read";
        if (roleAllows(role, permission)) expect(res.statusCode, `${role}: ${res.body}`).toBeLessThan(500);
        else expect(res.statusCode, role).toBe(403);
      }
    },
  );

  it.each(entries.filter(([, route]) => route.body))(
    "%s answers 4xx, never 5xx, to generated payloads",
    async (_id, route) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.jsonValue({ maxDepth: 3 }),
            fc.record({ domain: fc.string(), email: fc.string(), token: fc.string(), password: fc.string() }),
            fc.record({ domain: fc.domain(), email: fc.emailAddress() }),
          ),
          async (payload) => {
            const res = await t.call(owner.token, {
              method: route.method,
              url: pathOf(route, owner.orgId),
              headers: { "content-type": "application/json" },
              payload: JSON.stringify(payload),
            });
            expect(res.statusCode, `${res.statusCode} ${res.body}`).toBeGreaterThanOrEqual(400);
            expect(res.statusCode, `${res.statusCode} ${res.body}`).toBeLessThan(500);
          },
        ),
        { numRuns: 40 },
      );
    },
  );

  it("answers 400 to hostile query strings and 404 to forged cookies", async () => {
    for (const query of ["", "token=", `token=${"a".repeat(201)}`, "token[]=x&token[]=y"]) {
      const res = await t.app.inject({ method: "GET", url: `/api/v1/auth/sso/domain-verification?${query}` });
      expect(res.statusCode, query).toBe(400);
    }
    for (const cookie of [
      "aims_sso_link=",
      "aims_sso_link=x",
      `aims_sso_link=${"A".repeat(43)}`,
      "aims_sso_link=%00",
    ]) {
      const get = await t.app.inject({ method: "GET", url: "/api/v1/auth/sso/link", headers: { cookie } });
      expect(get.statusCode, cookie).toBe(404);
      const post = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/sso/link",
        headers: { cookie },
        remoteAddress: "198.51.100.7",
        payload: { password: "whatever it is" },
      });
      expect(post.statusCode, cookie).toBe(404);
    }
    for (const cookie of ["aims_sso_binding=", `aims_sso_binding=${"A".repeat(43)}`, "aims_sso_binding=%ff"]) {
      const res = await t.app.inject({
        method: "GET",
        url: "/api/v1/auth/sso/callback?state=whatever&code=x",
        headers: { cookie },
        remoteAddress: "198.51.100.7",
      });
      expect(res.statusCode, cookie).toBe(302);
      expect(res.headers.location).toMatch(/^\/signin\?error=/);
    }
  });
});
