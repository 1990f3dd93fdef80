import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

describe("documents from templates", () => {
  let t: TestServer;
  let owner: TestMember;
  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Northwind Robotics");
  });
  afterAll(() => t.close());

  it("offers the templates", async () => {
    const res = await t.call(owner.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/documents/templates` });
    expect(res.json().items.map((item: { id: string }) => item.id)).toEqual(["ai_policy", "ai_use_case_procedure"]);
  });

  it("creates a complete AI policy draft in the organisation's name", async () => {
    const res = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/documents/from-template`,
      payload: { template: "ai_policy" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ title: "AI policy", kind: "ai_policy", status: "draft" });
    const version = (
      await t.call(owner.token, {
        method: "GET",
        url: `/api/v1/orgs/${owner.orgId}/documents/${doc.id}/versions/${doc.versions[0].id}`,
      })
    ).json();
    expect(version.body).toContain("Northwind Robotics");
    expect(version.body).toContain("## 4. Prohibited use");
    expect(version.body).toContain("## 9. Reporting incidents and concerns");
    expect(version.changeSummary).toContain("AI policy");
  });

  it("refuses an unknown template, naming the field", async () => {
    const res = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/documents/from-template`,
      payload: { template: "cookbook" },
    });
    expect(res.statusCode).toBe(400);
    expect(invalidFieldLines(res)).toContain("body.template");
  });
});
