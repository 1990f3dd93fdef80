import { SIGNIN_ATTEMPTS_PER_WINDOW } from "@openaims/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configFromEnv } from "../config.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

const PROXY = "10.0.0.254";

describe.each([
  { setting: `${PROXY},192.168.0.0/16`, mode: "proxy addresses" },
  { setting: "uniquelocal", mode: "the private ranges" },
])("the per-address sign-in limit behind a reverse proxy (AIMS_TRUST_PROXY as $mode)", ({ setting }) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ trustProxy: configFromEnv({ AIMS_TRUST_PROXY: setting }).trustProxy });
  });
  afterAll(() => t.close());

  /** A sign-in that reaches the server through the proxy, which appends the client's address. */
  const viaProxy = (client: string, spoofed: string[], i: number) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: PROXY,
      headers: { "x-forwarded-for": [...spoofed, client].join(", ") },
      payload: { email: `spray${i}@example.com`, password: "some password" },
    });

  it("counts the address the proxy saw, whatever X-Forwarded-For entries the client sends", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < SIGNIN_ATTEMPTS_PER_WINDOW + 3; i++) {
      const spoofed = i % 2 === 0 ? [`198.51.100.${i}`] : [`198.51.100.${i}`, `192.168.7.${i}`, PROXY];
      statuses.push((await viaProxy("203.0.113.7", spoofed, i)).statusCode);
    }
    expect(statuses.slice(0, SIGNIN_ATTEMPTS_PER_WINDOW).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(SIGNIN_ATTEMPTS_PER_WINDOW)).toEqual([429, 429, 429]);
  });

  it("keeps other clients behind the same proxy apart", async () => {
    expect((await viaProxy("203.0.113.8", [], 0)).statusCode).toBe(401);
    expect((await viaProxy("203.0.113.8", ["203.0.113.7"], 1)).statusCode).toBe(401);
  });
});

describe("a client that reaches the server directly while proxies are listed by address", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ trustProxy: configFromEnv({ AIMS_TRUST_PROXY: PROXY }).trustProxy });
  });
  afterAll(() => t.close());

  it("is counted by its own address, not by the X-Forwarded-For it sends", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < SIGNIN_ATTEMPTS_PER_WINDOW + 1; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        remoteAddress: "203.0.113.9",
        headers: { "x-forwarded-for": `198.51.100.${i}` },
        payload: { email: `direct${i}@example.com`, password: "some password" },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});
