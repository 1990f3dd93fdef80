import { SIGNIN_ATTEMPTS_PER_WINDOW } from "@openaims/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server.js";
import { issueSetupCode } from "./setup-code.js";

describe("first-run set-up throttle", () => {
  let t: TestServer;
  let code: string;
  beforeAll(async () => {
    t = await startTestServer();
    code = (await issueSetupCode(t.db)) ?? "";
  });
  afterAll(() => t.close());

  const setUp = (setupCode: string, ip: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/auth/setup",
      remoteAddress: ip,
      payload: {
        setupCode,
        orgName: "Acme",
        email: "lead@acme.test",
        name: "Lead",
        password: "a long enough password",
      },
    });

  it("counts wrong setup codes per address, so guessing stops at the limit even for the right code", async () => {
    for (let i = 0; i < SIGNIN_ATTEMPTS_PER_WINDOW; i++) {
      const wrong = await setUp(`aims_setup_guess${i}`, "10.9.0.1");
      expect(wrong.statusCode).toBe(403);
    }
    const refused = await setUp(code, "10.9.0.1");
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe("rate_limited");
    expect(await t.db.selectFrom("users").select("id").execute()).toEqual([]);
  });

  it("still lets the right code through from another address", async () => {
    const res = await setUp(code, "10.9.0.2");
    expect(res.statusCode).toBe(201);
  });
});
