import { routes } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server.js";

describe("API description", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it("serves an OpenAPI 3.1 document with every route of the table and resolvable references", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    const operations = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap(
      (p) => Object.values(p).map((op) => op.operationId),
    );
    // The table's routes, and the OTLP intake registered beside it.
    expect(operations.sort()).toEqual([...Object.keys(routes), "exportMetrics", "exportTraces"].sort());
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
      (m) => m[1] as string,
    );
    for (const name of refs) expect(doc.components.schemas[name], name).toBeDefined();
    expect(doc.paths["/api/v1/orgs/{orgId}/members"].get["x-permission"]).toBe("members.read");
  });

  it("serves a readable reference page and health checks", async () => {
    const page = await t.app.inject({ method: "GET", url: "/api/v1/docs" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("OpenAIMS API reference");
    expect(page.body).toContain("/api/v1/orgs/:orgId/audit-trail/verify");
    expect((await t.app.inject({ method: "GET", url: "/healthz" })).json()).toEqual({ status: "ok" });
    expect((await t.app.inject({ method: "GET", url: "/readyz" })).json()).toMatchObject({ status: "ready" });
  });
});
