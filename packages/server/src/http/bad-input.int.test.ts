import { type RouteDef, type RouteId, routes } from "@openaims/contracts";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

describe("bad input", () => {
  let t: TestServer;
  let owner: TestMember;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await startTestServer({ bodyLimitBytes: 64 * 1024 });
    owner = await t.addOrg("Fuzz");
    const viewer = await t.addMember(owner.orgId, "viewer");
    const member = await t.db
      .selectFrom("memberships")
      .select("id")
      .where("user_id", "=", viewer.userId)
      .executeTakeFirstOrThrow();
    const token = await t.db
      .selectFrom("api_tokens")
      .select("id")
      .where("user_id", "=", viewer.userId)
      .executeTakeFirstOrThrow();
    const invite = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/invitations`,
      payload: { email: "fuzz@example.com", role: "viewer" },
    });
    ids = { orgId: owner.orgId, memberId: member.id, tokenId: token.id, invitationId: invite.json().invitation.id };
  });
  afterAll(() => t.close());

  const path = (route: RouteDef) => route.path.replace(/:(\w+)/g, (_, name: string) => ids[name] as string);
  const writeRoutes = (Object.entries(routes) as [RouteId, RouteDef][]).filter(([, r]) => r.write && r.body);

  it.each(writeRoutes)("%s never answers 5xx to generated payloads", async (_id, route) => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (payload) => {
        const res = await t.call(owner.token, {
          method: route.method,
          url: path(route),
          headers: { "content-type": "application/json" },
          payload: JSON.stringify(payload),
        });
        expect(res.statusCode, `${res.statusCode} ${res.body}`).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });

  it("names the field that is wrong", async () => {
    const res = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/invitations`,
      payload: { email: "not-an-email", role: "wizard" },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe("validation_failed");
    expect(error.message).toContain("body.email");
    expect(error.message).toContain("body.role");
    expect(error.requestId).toBe(res.headers["x-request-id"]);
  });

  it("answers 400 to malformed JSON, 415 to other media types and 413 to oversized bodies", async () => {
    const url = `/api/v1/orgs/${owner.orgId}/invitations`;
    const malformed = await t.call(owner.token, {
      method: "POST",
      url,
      headers: { "content-type": "application/json" },
      payload: "{nope",
    });
    expect(malformed.statusCode).toBe(400);
    const xml = await t.call(owner.token, {
      method: "POST",
      url,
      headers: { "content-type": "application/xml" },
      payload: "<a/>",
    });
    expect(xml.statusCode).toBe(415);
    const huge = await t.call(owner.token, {
      method: "POST",
      url,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ email: "a@b.co", role: "viewer", pad: "x".repeat(100 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe("payload_too_large");
  });

  it("answers 409 to a stale version and keeps the newer write", async () => {
    const org = (await t.call(owner.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}` })).json();
    expect(org.version).toBe(1);
    const first = await t.call(owner.token, {
      method: "PATCH",
      url: `/api/v1/orgs/${owner.orgId}`,
      payload: { name: "Renamed", version: 1 },
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('W/"2"');
    const stale = await t.call(owner.token, {
      method: "PATCH",
      url: `/api/v1/orgs/${owner.orgId}`,
      payload: { name: "Lost", version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
    const now = (await t.call(owner.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}` })).json();
    expect(now).toMatchObject({ name: "Renamed", version: 2 });
  });

  it("answers 404 to unknown ids and routes, and 400 to a forged cursor", async () => {
    const unknown = await t.call(owner.token, {
      method: "GET",
      url: `/api/v1/orgs/${owner.orgId}/members/00000000-0000-4000-8000-000000000000`,
    });
    expect(unknown.statusCode).toBe(404);
    const noRoute = await t.call(owner.token, { method: "GET", url: "/api/v1/nothing-here" });
    expect(noRoute.statusCode).toBe(404);
    const cursor = await t.call(owner.token, {
      method: "GET",
      url: `/api/v1/orgs/${owner.orgId}/members?cursor=garbage`,
    });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error.message).toContain("query.cursor");
  });

  it("refuses illegal transitions with 409", async () => {
    const self = await t.db
      .selectFrom("memberships")
      .select(["id", "version"])
      .where("user_id", "=", owner.userId)
      .executeTakeFirstOrThrow();
    const lastOwner = await t.call(owner.token, {
      method: "PATCH",
      url: `/api/v1/orgs/${owner.orgId}/members/${self.id}`,
      payload: { role: "admin", version: self.version },
    });
    expect(lastOwner.statusCode).toBe(409);
    expect(lastOwner.json().error.code).toBe("illegal_transition");
  });
});
