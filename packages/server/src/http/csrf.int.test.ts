import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

const CSRF_MESSAGE = "Missing or wrong x-csrf-token header; reload the page and try again.";

describe("the CSRF header on writes with a session cookie", () => {
  let t: TestServer;
  let owner: TestMember;
  let colleague: TestMember;
  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("CSRF");
    colleague = await t.addMember(owner.orgId, "viewer");
  });
  afterAll(() => t.close());

  const renameMe = (cookie: string, csrf?: string | string[]) =>
    t.app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      headers: { cookie, ...(csrf === undefined ? {} : { "x-csrf-token": csrf }) },
      payload: { name: "Renamed", version: 1 },
    });

  function expectRefused(res: { statusCode: number; json: () => unknown }) {
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: "csrf_failed", message: CSRF_MESSAGE } });
  }

  it("refuses a missing, a wrong, and a too-short token", async () => {
    const session = await t.signIn(owner.email);
    expectRefused(await renameMe(session.cookie));
    expectRefused(await renameMe(session.cookie, ""));
    // One character changed: a token that already ends in "0" gets a "1", so it is always wrong.
    const last = session.csrfToken.endsWith("0") ? "1" : "0";
    expectRefused(await renameMe(session.cookie, `${session.csrfToken.slice(0, -1)}${last}`));
    expectRefused(await renameMe(session.cookie, session.csrfToken.slice(1)));
  });

  it("refuses the token of another person's session and of the same person's other session", async () => {
    const mine = await t.signIn(owner.email);
    const theirs = await t.signIn(colleague.email);
    const myOther = await t.signIn(owner.email);
    expect(myOther.csrfToken).not.toBe(mine.csrfToken);
    expectRefused(await renameMe(mine.cookie, theirs.csrfToken));
    expectRefused(await renameMe(mine.cookie, myOther.csrfToken));
  });

  it("refuses a non-ASCII token of the expected length with 403, not a server error", async () => {
    const session = await t.signIn(owner.email);
    const logsBefore = t.logs.length;
    expectRefused(await renameMe(session.cookie, "é".repeat(session.csrfToken.length)));
    expectRefused(await renameMe(session.cookie, `${session.csrfToken.slice(0, -1)}é`));
    expect(t.logs.slice(logsBefore).some((line) => line.includes('"level":50'))).toBe(false);
  });

  it("refuses the header sent twice, even when both copies are right", async () => {
    const session = await t.signIn(owner.email);
    expectRefused(await renameMe(session.cookie, [session.csrfToken, session.csrfToken]));
  });

  it("refuses the header sent twice over a real connection, where Node joins the copies", async () => {
    const session = await t.signIn(owner.email);
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const status = await new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ name: "Renamed", version: 1 });
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          method: "PATCH",
          path: "/api/v1/me",
          headers: {
            cookie: session.cookie,
            "content-type": "application/json",
            "x-csrf-token": [session.csrfToken, session.csrfToken],
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
    expect(status).toBe(403);
  });

  it("accepts the session's own token", async () => {
    const session = await t.signIn(owner.email);
    const res = await renameMe(session.cookie, session.csrfToken);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { name: "Renamed" } });
  });
});
