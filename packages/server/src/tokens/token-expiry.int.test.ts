import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

describe("API token expiry", () => {
  let t: TestServer;
  let owner: TestMember;
  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Expiry");
  });
  afterAll(() => t.close());

  const create = (expiresInDays: unknown) =>
    t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/tokens`,
      payload: { name: `expiry ${String(expiresInDays)}`, scope: "read", expiresInDays },
    });
  const tokenCount = async () =>
    (await t.db.selectFrom("api_tokens").select("id").where("org_id", "=", owner.orgId).execute()).length;

  it("refuses fewer than 1 day, fractions and more than 730 days with 400 naming the field, and creates nothing", async () => {
    const before = await tokenCount();
    for (const days of [0, -1, 0.5, 731, "0"]) {
      const res = await create(days);
      expect(res.statusCode, `expiresInDays ${String(days)}`).toBe(400);
      expect(res.json().error.details.fields).toEqual([
        expect.objectContaining({ field: "body.expiresInDays", message: expect.any(String) }),
      ]);
    }
    expect(await tokenCount()).toBe(before);
  });

  it("gives 1 day exactly 1 day, and null no expiry", async () => {
    const started = Date.now();
    const oneDay = await create(1);
    expect(oneDay.statusCode).toBe(201);
    const expiresAt = Date.parse(oneDay.json().token.expiresAt);
    expect(expiresAt - started).toBeGreaterThanOrEqual(86_400_000 - 1_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(86_400_000);
    const never = await create(null);
    expect(never.json().token.expiresAt).toBeNull();
  });
});
