import { type RouteDef, type RouteId, riskRatings, routes } from "@openaims/contracts";
import fc from "fast-check";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { driftReportFixture } from "../drift/drift-test-fixtures.js";
import { caseResult, scanSummary } from "../redteam/redteam-test-fixtures.js";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { type RouteWalkIds, routeWalkIds, walkPath } from "../testing/route-walk-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { hostileInput, hostileText, queryStrings, shaped } from "../testing/zod-arbitrary.js";
import { validateInput } from "./validate-input.js";

/** Runs per route; all of them together keep this file to a few seconds per ten routes on PGlite. */
const RUNS_PER_ROUTE = 16;

/**
 * Whether a request got past everything in front of the handler: Fastify's body parsing and limits,
 * authentication, and the request validator (validate-input.ts), whose answer is a 400 naming fields
 * under params, query or body. The validator is also run here on the same input, so a handler's own
 * 400 for a field (an unknown reference, a wrong password) still counts as reaching the handler.
 */
function reachedHandler(route: RouteDef, request: InjectOptions, res: LightMyRequestResponse): boolean {
  if (res.statusCode === 413 || res.statusCode === 415) return false;
  if (res.statusCode === 401 && route.access.kind !== "public") return false;
  const error = (res.json() as { error?: { code?: string; message?: string } }).error;
  if (error?.code === "csrf_failed" || error?.message === "The request body is not valid JSON.") return false;
  const body = route.upload || request.payload === undefined ? undefined : JSON.parse(String(request.payload));
  try {
    validateInput(route, { params: pathParams(route, String(request.url)), query: request.query, body });
    return true;
  } catch {
    return false;
  }
}

/** The values of a route's `:param` segments in a URL built from it. */
function pathParams(route: RouteDef, url: string): Record<string, string> {
  const values = url.split("/");
  return Object.fromEntries(
    route.path
      .split("/")
      .map((segment, i) => [segment, values[i] as string] as const)
      .filter(([segment]) => segment.startsWith(":"))
      .map(([segment, value]) => [segment.slice(1), value]),
  );
}

/** Log lines at error level or above: an unhandled exception the error handler turned into a 500. */
function errorLines(logs: string[]): string[] {
  return logs
    .join("")
    .split("\n")
    .filter((line) => line.startsWith("{") && ((JSON.parse(line) as { level?: number }).level ?? 0) >= 50);
}

/** A risk method whose matrix has a row per likelihood level and a column per impact level. */
function riskMethod(): fc.Arbitrary<Record<string, unknown>> {
  const shape = routes.previewRiskMethod.body.shape;
  const level = shaped(shape.likelihoodLevels.element, { ids: {} });
  const rating = fc.constantFrom(...riskRatings);
  return fc.tuple(fc.integer({ min: 3, max: 6 }), fc.integer({ min: 3, max: 6 })).chain(([rows, columns]) =>
    fc.record({
      likelihoodLevels: fc.array(level, { minLength: rows, maxLength: rows }),
      impactLevels: fc.array(level, { minLength: columns, maxLength: columns }),
      matrix: fc.array(fc.array(rating, { minLength: columns, maxLength: columns }), {
        minLength: rows,
        maxLength: rows,
      }),
      acceptableWithoutTreatment: rating,
      acceptanceByRole: shaped(shape.acceptanceByRole, { ids: {} }),
    }),
  );
}

/**
 * Of a few bodies drawn from an arbitrary, the first the validator accepts. Refinements across fields
 * (dates in order, a metric named for a metric measure, text that is not only spaces) turn many single
 * random bodies away, so this keeps each route's share of requests that reach its handler high.
 */
function likelyValid(schema: z.ZodType, bodies: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .array(bodies, { minLength: 6, maxLength: 6 })
    .map((candidates) => candidates.find((value) => schema.safeParse(value).success) ?? candidates[0]);
}

/**
 * Bodies whose validity hangs on sums a generator derived from the schema cannot keep: a scan summary's
 * totals must match its cases. These build a consistent body around hostile text.
 */
const consistentBodies: Partial<Record<RouteId, (ids: RouteWalkIds) => fc.Arbitrary<unknown>>> = {
  previewRiskMethod: () => riskMethod(),
  // A webhook URL must be a well-formed http(s) URL; these reach the handler, which refuses private hosts.
  createWebhook: () =>
    fc.record({
      url: fc.constantFrom("http://127.0.0.1:9/fuzz", "https://[::1]/fuzz", "http://10.1.2.3/fuzz"),
      description: hostileText(0, 500),
      events: fc.constant(["reminder.due"]),
    }),
  updateRiskMethod: () =>
    fc.tuple(riskMethod(), fc.integer({ min: 1, max: 3 })).map(([m, version]) => ({ ...m, version })),
  // A drift report whose counts agree with its columns, with hostile column names, system and HTML.
  uploadDriftReport: (ids) =>
    fc
      .record({
        system: fc.constantFrom(ids.systemId as string, "route-walk-system", "no-such-system"),
        columns: fc.array(hostileText(1, 200), { minLength: 1, maxLength: 5 }),
        html: hostileText(1, 2000),
      })
      .map(({ system, columns, html }) => ({
        system,
        summary: driftReportFixture(columns, columns.slice(0, 1)),
        html,
      })),
  // A replay test takes exactly one source; four optional fields drawn apart rarely give exactly one.
  testAgentPolicyVersion: (ids) =>
    fc.oneof(
      hostileText(0, 4000).map((trace) => ({ trace })),
      hostileText(0, 4000).map((redteamTranscript) => ({ redteamTranscript })),
      fc
        .constantFrom(ids.scanId as string, "00000000-0000-4000-8000-000000000000")
        .map((redteamScanId) => ({ redteamScanId })),
      fc.integer({ min: 1, max: 50 }).map((limit) => ({ fromDecisionLog: { limit } })),
    ),
  uploadRedteamScan: (ids) =>
    fc
      .record({
        system: fc.constantFrom(ids.systemId as string, "route-walk-system", "no-such-system"),
        model: hostileText(1, 200),
        cases: fc.array(
          fc.record({
            title: hostileText(1, 200),
            detail: hostileText(0, 500),
            verdict: fc.constantFrom("vulnerable", "not_observed", "inconclusive", "error" as const),
          }),
          { minLength: 1, maxLength: 5 },
        ),
      })
      .map(({ system, model, cases }) => {
        const results = cases.map(({ title, detail, verdict }, i) =>
          caseResult({
            caseId: `PI-00${(i % 5) + 1}.plain`,
            title,
            verdict,
            detectors: [{ kind: "marker", outcome: verdict === "vulnerable" ? "matched" : "clear", detail }],
          }),
        );
        const summary = scanSummary(results);
        return { system, summary: { ...summary, target: { ...summary.target, model } } };
      }),
};

describe("bad input", () => {
  let t: TestServer;
  let owner: TestMember;
  let plain: TestMember;
  let ids: RouteWalkIds;
  /** Session cookie and CSRF header per signed-in-person route; API tokens may only change organisations. */
  const sessions = new Map<RouteId, Record<string, string>>();

  // Every route that takes input to act on: the write routes, and POST routes that only compute.
  const inputRoutes = (Object.entries(routes) as [RouteId, RouteDef][]).filter(([, r]) => r.method !== "GET");
  const reached = new Set<RouteId>();

  beforeAll(async () => {
    t = await startTestServer({ bodyLimitBytes: 64 * 1024 });
    owner = await t.addOrg("Fuzz");
    plain = await t.addOrg("Plain");
    ids = await routeWalkIds(t, owner);
    for (const [id, route] of inputRoutes) {
      if (route.access.kind !== "user") continue;
      const { cookie, csrfToken } = await t.signIn(owner.email);
      sessions.set(id, { cookie, "x-csrf-token": csrfToken });
    }
  });
  afterAll(() => t.close());

  /** A request to the route with hostile query and body, as the route's caller would send it. */
  function requestArbitrary(id: RouteId, route: RouteDef): fc.Arbitrary<InjectOptions> {
    const options = { ids };
    const query = route.query ? hostileInput(route.query, options) : fc.constant(undefined);
    const body: fc.Arbitrary<{ type: string; payload: string | Buffer } | undefined> = route.upload
      ? fc.oneof(
          hostileText(1, 4000).map((text) => ({ type: "text/csv", payload: `name,description\n${text},"${text}"\n` })),
          hostileText(1, 4000).map((text) => ({ type: "text/html", payload: text })),
          fc
            .uint8Array({ minLength: 1, maxLength: 2048 })
            .map((b) => ({ type: "application/octet-stream", payload: Buffer.from(b) })),
        )
      : route.body
        ? fc
            .oneof(
              likelyValid(route.body, consistentBodies[id]?.(ids) ?? shaped(route.body, options)),
              hostileInput(route.body, options),
            )
            .map((value) => ({
              type: "application/json",
              payload: JSON.stringify(value) ?? "null",
            }))
        : fc.option(
            fc.jsonValue({ maxDepth: 2 }).map((v) => ({ type: "application/json", payload: JSON.stringify(v) })),
            { nil: undefined },
          );
    return fc.tuple(query, body).map(([q, b]) => {
      const headers: Record<string, string> = { ...(sessions.get(id) ?? {}) };
      if (route.access.kind === "org") headers.authorization = `Bearer ${owner.token}`;
      if (b) headers["content-type"] = b.type;
      return {
        method: route.method,
        url: walkPath(id, route, ids),
        query: queryStrings(q),
        headers,
        ...(b ? { payload: b.payload } : {}),
      };
    });
  }

  it.each(inputRoutes)("%s never answers 5xx to hostile input", async (id, route) => {
    await fc.assert(
      fc.asyncProperty(requestArbitrary(id, route), async (request) => {
        const logged = t.logs.length;
        const res = await t.app.inject(request);
        expect(res.statusCode, `${res.statusCode} ${res.body}`).toBeLessThan(500);
        expect(errorLines(t.logs.slice(logged))).toEqual([]);
        if (reachedHandler(route, request, res)) reached.add(id);
      }),
      { numRuns: RUNS_PER_ROUTE },
    );
  });

  it("reaches the handler of every route it fuzzes", () => {
    const missed = inputRoutes.map(([id]) => id).filter((id) => !reached.has(id));
    console.log(`fuzz reached ${reached.size} of ${inputRoutes.length} write routes' handlers`);
    expect(missed, "routes whose every fuzz request stopped at validation").toEqual([]);
  });

  it("names the field that is wrong", async () => {
    const res = await t.call(plain.token, {
      method: "POST",
      url: `/api/v1/orgs/${plain.orgId}/invitations`,
      payload: { email: "not-an-email", role: "wizard" },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe("validation_failed");
    expect(error.details.fields).toEqual([
      {
        field: "body.email",
        label: "E-mail",
        message: "must be an e-mail address such as name@example.com",
      },
      {
        field: "body.role",
        label: "Role",
        message: "must be one of: Owner, Admin, Compliance manager, Contributor, Auditor, Viewer",
      },
    ]);
    expect(error.message).toBe(
      "Check 2 fields: E-mail — must be an e-mail address such as name@example.com; " +
        "Role — must be one of: Owner, Admin, Compliance manager, Contributor, Auditor, Viewer.",
    );
    expect(error.requestId).toBe(res.headers["x-request-id"]);
  });

  it("names the field holding half a surrogate pair, which is not Unicode and the database refuses", async () => {
    const res = await t.call(plain.token, {
      method: "POST",
      url: `/api/v1/orgs/${plain.orgId}/assets`,
      headers: { "content-type": "application/json" },
      payload: '{"name":"model \\udfff","kind":"model","note":{"\\ud800":1}}',
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(invalidFieldLines(res)).toContain("body.name: contains a broken character");
  });

  it("answers 400 naming the field to a scan target address that does not parse", async () => {
    const res = await t.call(plain.token, {
      method: "POST",
      url: `/api/v1/orgs/${plain.orgId}/redteam/scans/run`,
      payload: { system: "support-bot", target: { type: "openai", url: "not an address", model: "m" } },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(invalidFieldLines(res)).toContain("body.target.url");
  });

  it("answers 400 to malformed JSON, 415 to other media types and 413 to oversized bodies", async () => {
    const url = `/api/v1/orgs/${plain.orgId}/invitations`;
    const malformed = await t.call(plain.token, {
      method: "POST",
      url,
      headers: { "content-type": "application/json" },
      payload: "{nope",
    });
    expect(malformed.statusCode).toBe(400);
    const xml = await t.call(plain.token, {
      method: "POST",
      url,
      headers: { "content-type": "application/xml" },
      payload: "<a/>",
    });
    expect(xml.statusCode).toBe(415);
    const huge = await t.call(plain.token, {
      method: "POST",
      url,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ email: "a@b.co", role: "viewer", pad: "x".repeat(100 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe("payload_too_large");
  });

  it("answers 409 to a stale version and keeps the newer write", async () => {
    const org = (await t.call(plain.token, { method: "GET", url: `/api/v1/orgs/${plain.orgId}` })).json();
    expect(org.version).toBe(1);
    const first = await t.call(plain.token, {
      method: "PATCH",
      url: `/api/v1/orgs/${plain.orgId}`,
      payload: { name: "Renamed", version: 1 },
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('W/"2"');
    const stale = await t.call(plain.token, {
      method: "PATCH",
      url: `/api/v1/orgs/${plain.orgId}`,
      payload: { name: "Lost", version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
    const now = (await t.call(plain.token, { method: "GET", url: `/api/v1/orgs/${plain.orgId}` })).json();
    expect(now).toMatchObject({ name: "Renamed", version: 2 });
  });

  it("answers 404 to unknown ids and routes, and 400 to a forged cursor", async () => {
    const unknown = await t.call(plain.token, {
      method: "GET",
      url: `/api/v1/orgs/${plain.orgId}/members/00000000-0000-4000-8000-000000000000`,
    });
    expect(unknown.statusCode).toBe(404);
    const noRoute = await t.call(plain.token, { method: "GET", url: "/api/v1/nothing-here" });
    expect(noRoute.statusCode).toBe(404);
    const cursor = await t.call(plain.token, {
      method: "GET",
      url: `/api/v1/orgs/${plain.orgId}/members?cursor=garbage`,
    });
    expect(cursor.statusCode).toBe(400);
    expect(invalidFieldLines(cursor)).toContain("query.cursor");
  });

  it("refuses illegal transitions with 409", async () => {
    const self = await t.db
      .selectFrom("memberships")
      .select(["id", "version"])
      .where("user_id", "=", plain.userId)
      .executeTakeFirstOrThrow();
    const lastOwner = await t.call(plain.token, {
      method: "PATCH",
      url: `/api/v1/orgs/${plain.orgId}/members/${self.id}`,
      payload: { role: "admin", version: self.version },
    });
    expect(lastOwner.statusCode).toBe(409);
    expect(lastOwner.json().error.code).toBe("illegal_transition");
  });
});
