import { SIGNIN_ATTEMPTS_PER_WINDOW, SIGNIN_WINDOW_MINUTES } from "@openaims/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server.js";

describe("the per-address sign-in limit under a parallel burst", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it("lets through no more than the limit when twice as many attempts arrive at once", async () => {
    const burst = Array.from({ length: SIGNIN_ATTEMPTS_PER_WINDOW * 2 }, (_, i) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        remoteAddress: "10.7.0.1",
        payload: { email: `burst${i}@example.com`, password: "some password" },
      }),
    );
    const statuses = (await Promise.all(burst)).map((res) => res.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(SIGNIN_ATTEMPTS_PER_WINDOW);
    expect(statuses.filter((s) => s === 429)).toHaveLength(SIGNIN_ATTEMPTS_PER_WINDOW);
    const recorded = await t.db
      .selectFrom("signin_attempts")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("client_key", "=", "ip:10.7.0.1")
      .executeTakeFirstOrThrow();
    expect(Number(recorded.n)).toBe(SIGNIN_ATTEMPTS_PER_WINDOW);
  });

  it("forgets attempts older than the window, of this address and of others", async () => {
    const expired = new Date(Date.now() - (SIGNIN_WINDOW_MINUTES + 1) * 60_000);
    const rows = (key: string) =>
      Array.from({ length: SIGNIN_ATTEMPTS_PER_WINDOW }, () => ({ client_key: key, attempted_at: expired }));
    await t.db
      .insertInto("signin_attempts")
      .values([...rows("ip:10.7.0.2"), ...rows("ip:10.7.0.3")])
      .execute();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: "10.7.0.2",
      payload: { email: "someone@example.com", password: "some password" },
    });
    expect(res.statusCode).toBe(401);
    const left = await t.db
      .selectFrom("signin_attempts")
      .select("client_key")
      .where("attempted_at", "<", new Date(Date.now() - SIGNIN_WINDOW_MINUTES * 60_000))
      .execute();
    expect(left).toEqual([]);
  });
});
