import { MAX_FAILED_SIGNINS, SIGNIN_ATTEMPTS_PER_WINDOW } from "@openaims/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, TEST_PASSWORD, type TestMember, type TestServer } from "../testing/test-server.js";

describe("sign-in", () => {
  let t: TestServer;
  let owner: TestMember;
  beforeAll(async () => {
    t = await startTestServer({ publicUrl: "https://aims.example.com" });
    owner = await t.addOrg("Login");
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, ip = "10.0.0.1") =>
    t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password }, remoteAddress: ip });

  it("sets a Secure HttpOnly cookie behind https, with HSTS and a strict CSP", async () => {
    const res = await login(owner.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "aims_session");
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax" });
    expect(res.headers["strict-transport-security"]).toContain("max-age=");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
  });

  it("gives the same answer for an unknown account and a wrong password", async () => {
    const unknown = await login("nobody@example.com", "whatever password", "10.0.0.2");
    const wrong = await login(owner.email, "wrong password!!", "10.0.0.2");
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it("locks an account after repeated failures, records it, and refuses even the right password", async () => {
    const victim = await t.addMember(owner.orgId, "viewer");
    for (let i = 0; i < MAX_FAILED_SIGNINS; i++)
      expect((await login(victim.email, "bad password!!", "10.0.1.1")).statusCode).toBe(401);
    const locked = await login(victim.email, TEST_PASSWORD, "10.0.1.2");
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe("account_locked");
    const entries = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("org_id", "=", owner.orgId)
      .where("entity_id", "=", victim.userId)
      .orderBy("seq")
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      ...Array(MAX_FAILED_SIGNINS - 1).fill("user.signin_failed"),
      "user.locked",
    ]);
  });

  it("throttles many attempts from one address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await login(`spray${i}@example.com`, "some password", "10.0.2.1")).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    expect((await login("spray@example.com", "some password", "::ffff:10.0.2.1")).statusCode).toBe(429);
  });

  it("throttles an IPv6 client per /64, so stepping through its own addresses does not escape", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < SIGNIN_ATTEMPTS_PER_WINDOW + 1; i++)
      statuses.push((await login(`spray6-${i}@example.com`, "some password", `2001:db8:0:1::${i + 1}`)).statusCode);
    expect(statuses.slice(0, SIGNIN_ATTEMPTS_PER_WINDOW).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await login("spray6@example.com", "some password", "2001:db8:0:2::1")).statusCode).toBe(401);
  });

  it("ends the session on sign-out", async () => {
    const session = await t.signIn(owner.email);
    const me = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(200);
    const out = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
    });
    expect(out.statusCode).toBe(200);
    const after = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: session.cookie } });
    expect(after.statusCode).toBe(401);
  });
});
