import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server.js";
import { issueSetupCode } from "./setup-code.js";

describe("a newcomer's first session", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it("sets up, invites, issues a token, uses it, and finds every step in a verifiable trail", async () => {
    const config = await t.app.inject({ method: "GET", url: "/api/v1/auth/config" });
    expect(config.json()).toEqual({ ssoAvailable: false, setupRequired: true });

    const code = await issueSetupCode(t.db);
    expect(code).toMatch(/^aims_setup_/);
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/setup",
      payload: {
        setupCode: "nope",
        orgName: "Acme",
        email: "lead@acme.test",
        name: "Lead",
        password: "a long enough password",
      },
    });
    expect(wrong.statusCode).toBe(403);

    const setup = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/setup",
      payload: {
        setupCode: code,
        orgName: "Acme",
        email: "Lead@Acme.test",
        name: "Lead",
        password: "a long enough password",
      },
    });
    expect(setup.statusCode).toBe(201);
    const { me, csrfToken } = setup.json();
    const orgId = me.memberships[0].orgId;
    expect(me.user.email).toBe("lead@acme.test");
    const cookie = `aims_session=${setup.cookies.find((c) => c.name === "aims_session")?.value}`;
    expect(setup.cookies[0]?.httpOnly).toBe(true);

    const again = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/setup",
      payload: {
        setupCode: code,
        orgName: "Again",
        email: "x@acme.test",
        name: "X",
        password: "a long enough password",
      },
    });
    expect(again.statusCode).toBe(409);

    const noCsrf = await t.app.inject({
      method: "POST",
      url: `/api/v1/orgs/${orgId}/invitations`,
      headers: { cookie },
      payload: { email: "new@acme.test", role: "contributor" },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe("csrf_failed");

    const invite = await t.app.inject({
      method: "POST",
      url: `/api/v1/orgs/${orgId}/invitations`,
      headers: { cookie, "x-csrf-token": csrfToken },
      payload: { email: "new@acme.test", role: "contributor" },
    });
    expect(invite.statusCode).toBe(201);
    const { acceptUrl, emailSent } = invite.json();
    expect(emailSent).toBe(false);
    const inviteToken = new URL(acceptUrl).searchParams.get("token") as string;

    const preview = await t.app.inject({ method: "GET", url: `/api/v1/invitations/preview?token=${inviteToken}` });
    expect(preview.json()).toMatchObject({
      orgName: "Acme",
      email: "new@acme.test",
      role: "contributor",
      accountExists: false,
    });

    const accept = await t.app.inject({
      method: "POST",
      url: "/api/v1/invitations/accept",
      payload: { token: inviteToken, name: "Newcomer", password: "another long password" },
    });
    expect(accept.statusCode).toBe(200);
    const reused = await t.app.inject({
      method: "POST",
      url: "/api/v1/invitations/accept",
      payload: { token: inviteToken, name: "Newcomer", password: "another long password" },
    });
    expect(reused.statusCode).toBe(404);

    const token = await t.app.inject({
      method: "POST",
      url: `/api/v1/orgs/${orgId}/tokens`,
      headers: { cookie, "x-csrf-token": csrfToken },
      payload: { name: "CI pipeline", scope: "read" },
    });
    expect(token.statusCode).toBe(201);
    const { secret, token: tokenRecord } = token.json();
    expect(secret).toMatch(/^aims_pat_/);
    expect(JSON.stringify(tokenRecord)).not.toContain(secret);

    const members = await t.call(secret, { method: "GET", url: `/api/v1/orgs/${orgId}/members` });
    expect(members.statusCode).toBe(200);
    expect(
      members
        .json()
        .items.map((m: { email: string }) => m.email)
        .sort(),
    ).toEqual(["lead@acme.test", "new@acme.test"]);
    const readOnly = await t.call(secret, {
      method: "PATCH",
      url: `/api/v1/orgs/${orgId}`,
      payload: { name: "Hacked", version: 1 },
    });
    expect(readOnly.statusCode).toBe(403);

    const trail = await t.app.inject({
      method: "GET",
      url: `/api/v1/orgs/${orgId}/audit-trail?sort=seq&limit=200`,
      headers: { cookie },
    });
    const actions = trail.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      "organization.created",
      "member.added",
      "risk_method.created",
      "controls.seeded",
      "invitation.created",
      "invitation.accepted",
      "member.added",
      "token.created",
    ]);
    const verify = await t.app.inject({
      method: "POST",
      url: `/api/v1/orgs/${orgId}/audit-trail/verify`,
      headers: { cookie, "x-csrf-token": csrfToken },
    });
    expect(verify.json()).toMatchObject({ ok: true, entriesChecked: 8, firstBroken: null });

    const logs = t.logs.join("");
    for (const secretValue of [secret, inviteToken, code as string, "a long enough password", csrfToken]) {
      expect(logs).not.toContain(secretValue);
    }
  });
});
