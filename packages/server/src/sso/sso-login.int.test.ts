import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeProviderLogin, startTestIdentityProvider } from "../testing/test-identity-provider.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

const PUBLIC_URL = "http://app.test";
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/sso/callback`;
const CLIENT = { clientId: "openaims", clientSecret: "idp-client-secret-do-not-log", redirectUri: CALLBACK };
const ACCOUNTS = {
  ann: { email: "ann@acme.test", emailVerified: true, name: "Ann Example" },
  bob: { email: "Bob@Acme.test", emailVerified: true },
  uma: { email: "uma@acme.test", emailVerified: false, name: "Unverified Uma" },
  oscar: { email: "oscar@elsewhere.test", emailVerified: true, name: "Oscar Outside" },
  gus: { email: "gus@gamma.test", emailVerified: true, name: "Gus" },
  dana: { email: "dana@acme.test", emailVerified: true, name: "Dana" },
  erin: { email: "erin@acme.test", emailVerified: true, name: "Erin" },
};

describe("single sign-on through OpenID Connect", () => {
  let t: TestServer;
  let idp: Awaited<ReturnType<typeof startTestIdentityProvider>>;
  let acme: TestMember;

  beforeAll(async () => {
    t = await startTestServer({ publicUrl: PUBLIC_URL });
    idp = await startTestIdentityProvider({ client: CLIENT, accounts: ACCOUNTS });
    acme = await t.addOrg("Acme");
    const put = await configure(acme, { issuer: idp.issuer, allowedDomains: ["acme.test"] });
    expect(put.statusCode).toBe(200);
  });
  afterAll(async () => {
    await idp?.close();
    await t?.close();
  });

  function configure(owner: TestMember, settings: { issuer: string; allowedDomains: string[]; clientSecret?: string }) {
    return t.call(owner.token, {
      method: "PUT",
      url: `/api/v1/orgs/${owner.orgId}/sso`,
      payload: {
        enabled: true,
        clientId: CLIENT.clientId,
        clientSecret: CLIENT.clientSecret,
        defaultRole: "contributor",
        ...settings,
      },
    });
  }

  async function start(email: string): Promise<string> {
    const res = await t.app.inject({ method: "GET", url: `/api/v1/auth/sso/start?email=${encodeURIComponent(email)}` });
    expect(res.statusCode).toBe(302);
    return res.headers.location as string;
  }

  /** Walks the whole flow: the app's start, the provider's pages, and back to the app's callback. */
  async function signInThroughProvider(email: string, accountId: string) {
    const authorizationUrl = await start(email);
    expect(authorizationUrl.startsWith(`${idp.issuer}/`)).toBe(true);
    const callback = await completeProviderLogin(authorizationUrl, accountId);
    expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
    const callbackPath = `${callback.pathname}${callback.search}`;
    return { res: await t.app.inject({ method: "GET", url: callbackPath }), callbackPath };
  }

  function sessionCookieOf(res: LightMyRequestResponse): string | undefined {
    return res.cookies.find((c) => c.name === "aims_session")?.value;
  }

  function refusal(res: LightMyRequestResponse): string {
    expect(res.statusCode).toBe(302);
    const location = new URL(res.headers.location as string, PUBLIC_URL);
    expect(location.pathname).toBe("/signin");
    expect(sessionCookieOf(res)).toBeUndefined();
    return location.searchParams.get("error") ?? "";
  }

  async function trailOf(owner: TestMember) {
    const res = await t.call(owner.token, {
      method: "GET",
      url: `/api/v1/orgs/${owner.orgId}/audit-trail?sort=seq&limit=200`,
    });
    return res.json().items as {
      action: string;
      entityId: string | null;
      changes: Record<string, { after: unknown }>;
    }[];
  }

  it("signs a newcomer in, adds them with the default role, and records it in a verifiable trail", async () => {
    const authorizationUrl = new URL(await start("Ann@Acme.test"));
    expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizationUrl.searchParams.get("login_hint")).toBe("ann@acme.test");
    expect(authorizationUrl.searchParams.get("redirect_uri")).toBe(CALLBACK);
    expect(authorizationUrl.searchParams.get("scope")).toBe("openid email profile");
    const state = authorizationUrl.searchParams.get("state") as string;
    const pending = await t.db.selectFrom("sso_logins").select(["state_hash", "org_id"]).execute();
    expect(pending.map((p) => p.org_id)).toEqual([acme.orgId]);
    expect(pending[0]?.state_hash).not.toBe(state);

    const callback = await completeProviderLogin(authorizationUrl.href, "ann");
    const res = await t.app.inject({ method: "GET", url: `${callback.pathname}${callback.search}` });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/o/${acme.orgId}`);
    const cookie = res.cookies.find((c) => c.name === "aims_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(await t.db.selectFrom("sso_logins").select("state_hash").execute()).toEqual([]);

    const me = await t.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { cookie: `aims_session=${cookie?.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ email: "ann@acme.test", name: "Ann Example" });
    expect(me.json().memberships).toEqual([expect.objectContaining({ orgId: acme.orgId, role: "contributor" })]);
    const user = await t.db
      .selectFrom("users")
      .select(["id", "password_hash"])
      .where("email", "=", "ann@acme.test")
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toBeNull();
    const sessions = await t.db.selectFrom("sessions").select("method").where("user_id", "=", user.id).execute();
    expect(sessions).toEqual([{ method: "sso" }]);

    const trail = await trailOf(acme);
    expect(trail.map((e) => e.action).slice(-3)).toEqual(["sso.configured", "member.added", "user.signed_in"]);
    expect(trail.at(-2)?.changes).toMatchObject({
      userId: { after: user.id },
      role: { after: "contributor" },
      via: { after: "sso" },
    });
    expect(trail.at(-1)).toMatchObject({ entityId: user.id, changes: { method: { after: "sso" } } });
    const verify = await t.call(acme.token, { method: "POST", url: `/api/v1/orgs/${acme.orgId}/audit-trail/verify` });
    expect(verify.json()).toMatchObject({ ok: true, firstBroken: null });

    const again = await signInThroughProvider("ann@acme.test", "ann");
    expect(again.res.headers.location).toBe(`/o/${acme.orgId}`);
    expect((await trailOf(acme)).map((e) => e.action).slice(-3)).toEqual([
      "member.added",
      "user.signed_in",
      "user.signed_in",
    ]);

    const logs = t.logs.join("");
    for (const secret of [
      CLIENT.clientSecret,
      state,
      callback.searchParams.get("code") as string,
      cookie?.value as string,
    ]) {
      expect(logs).not.toContain(secret);
    }
  });

  it("binds the session to the organisation whose provider vouched, even for someone in other organisations", async () => {
    const other = await t.addOrg("Other org of Erin");
    const erin = await t.addMember(other.orgId, "admin", "erin@acme.test");
    const { res } = await signInThroughProvider("erin@acme.test", "erin");
    const cookie = `aims_session=${sessionCookieOf(res)}`;
    const me = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } });
    expect(me.json().memberships.map((m: { orgId: string }) => m.orgId)).toEqual([acme.orgId]);
    const elsewhere = await t.app.inject({
      method: "GET",
      url: `/api/v1/orgs/${other.orgId}/members`,
      headers: { cookie },
    });
    expect(elsewhere.statusCode).toBe(404);
    const inAcme = await t.app.inject({
      method: "GET",
      url: `/api/v1/orgs/${acme.orgId}/members`,
      headers: { cookie },
    });
    expect(inAcme.statusCode).toBe(200);
    expect(erin.orgId).toBe(other.orgId);
  });

  it("names a person by their e-mail when the provider sends no name", async () => {
    const { res } = await signInThroughProvider("bob@acme.test", "bob");
    expect(res.headers.location).toBe(`/o/${acme.orgId}`);
    const user = await t.db
      .selectFrom("users")
      .select("name")
      .where("email", "=", "bob@acme.test")
      .executeTakeFirstOrThrow();
    expect(user.name).toBe("bob@acme.test");
  });

  it("refuses a callback whose state was already used", async () => {
    const first = await signInThroughProvider("ann@acme.test", "ann");
    expect(first.res.headers.location).toBe(`/o/${acme.orgId}`);
    const replay = await t.app.inject({ method: "GET", url: first.callbackPath });
    expect(refusal(replay)).toMatch(/expired or was already used/);
  });

  it("refuses a sign-in that took longer than ten minutes", async () => {
    const authorizationUrl = await start("ann@acme.test");
    await t.db
      .updateTable("sso_logins")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const callback = await completeProviderLogin(authorizationUrl, "ann");
    const res = await t.app.inject({ method: "GET", url: `${callback.pathname}${callback.search}` });
    expect(refusal(res)).toMatch(/expired or was already used/);
  });

  it("refuses an e-mail address the provider has not verified", async () => {
    const { res } = await signInThroughProvider("uma@acme.test", "uma");
    expect(refusal(res)).toBe(
      "The identity provider has not verified uma@acme.test. Verify the address there, then sign in again.",
    );
    expect(await t.db.selectFrom("users").select("id").where("email", "=", "uma@acme.test").execute()).toEqual([]);
  });

  it("refuses an address outside the organisation's domains, whatever was typed at the start", async () => {
    const { res } = await signInThroughProvider("ann@acme.test", "oscar");
    expect(refusal(res)).toMatch(/does not admit elsewhere\.test addresses/);
    expect(await t.db.selectFrom("users").select("id").where("email", "=", "oscar@elsewhere.test").execute()).toEqual(
      [],
    );
  });

  it("sends an e-mail domain without single sign-on back to the sign-in page", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/auth/sso/start?email=someone%40nowhere.test" });
    expect(refusal(res)).toBe("No organisation signs in nowhere.test through single sign-on.");
  });

  it("shows the provider's own refusal and spends the state", async () => {
    const state = new URL(await start("ann@acme.test")).searchParams.get("state") as string;
    const url = `/api/v1/auth/sso/callback?error=access_denied&error_description=End-User+aborted&state=${encodeURIComponent(state)}`;
    expect(refusal(await t.app.inject({ method: "GET", url }))).toBe(
      "The identity provider refused the sign-in (access_denied: End-User aborted).",
    );
    expect(refusal(await t.app.inject({ method: "GET", url }))).toMatch(/expired or was already used/);
  });

  it("does not bring back a membership an administrator archived", async () => {
    const dana = await t.addMember(acme.orgId, "viewer", "dana@acme.test");
    const members = await t.call(acme.token, { method: "GET", url: `/api/v1/orgs/${acme.orgId}/members?limit=100` });
    const membership = members.json().items.find((m: { userId: string }) => m.userId === dana.userId);
    const archived = await t.call(acme.token, {
      method: "POST",
      url: `/api/v1/orgs/${acme.orgId}/members/${membership.id}/archive`,
      payload: { reason: "left the company", version: membership.version },
    });
    expect(archived.statusCode).toBe(200);
    const authorizationUrl = await start("dana@acme.test");
    const callback = await completeProviderLogin(authorizationUrl, "dana");
    const res = await t.app.inject({ method: "GET", url: `${callback.pathname}${callback.search}` });
    expect(refusal(res)).toBe("An administrator removed dana@acme.test from Acme. Ask them to invite you again.");
    const after = await t.db
      .selectFrom("memberships")
      .select("archived_at")
      .where("id", "=", membership.id)
      .executeTakeFirstOrThrow();
    expect(after.archived_at).not.toBeNull();
  });

  it("reads the e-mail from userinfo when the ID token carries only the subject", async () => {
    const strictIdp = await startTestIdentityProvider({
      client: CLIENT,
      accounts: { bea: { email: "bea@beta.test", emailVerified: true, name: "Bea" } },
      claimsInIdToken: false,
    });
    try {
      const beta = await t.addOrg("Beta");
      expect((await configure(beta, { issuer: strictIdp.issuer, allowedDomains: ["beta.test"] })).statusCode).toBe(200);
      const authorizationUrl = await start("bea@beta.test");
      const callback = await completeProviderLogin(authorizationUrl, "bea");
      const res = await t.app.inject({ method: "GET", url: `${callback.pathname}${callback.search}` });
      expect(res.headers.location).toBe(`/o/${beta.orgId}`);
      const user = await t.db
        .selectFrom("users")
        .select("name")
        .where("email", "=", "bea@beta.test")
        .executeTakeFirstOrThrow();
      expect(user.name).toBe("Bea");
    } finally {
      await strictIdp.close();
    }
  });

  it("explains a rejected client secret without logging it", async () => {
    const gamma = await t.addOrg("Gamma");
    const wrongSecret = "wrong-secret-must-not-be-logged";
    expect(
      (await configure(gamma, { issuer: idp.issuer, allowedDomains: ["gamma.test"], clientSecret: wrongSecret }))
        .statusCode,
    ).toBe(200);
    const { res } = await signInThroughProvider("gus@gamma.test", "gus");
    expect(refusal(res)).toMatch(/^The identity provider did not confirm the sign-in/);
    const logs = t.logs.join("");
    expect(logs).toContain("single sign-on failed at the identity provider");
    expect(logs).not.toContain(wrongSecret);
  });

  it("explains an identity provider that cannot be reached", async () => {
    const delta = await t.addOrg("Delta");
    expect((await configure(delta, { issuer: "http://127.0.0.1:9", allowedDomains: ["delta.test"] })).statusCode).toBe(
      200,
    );
    const res = await t.app.inject({ method: "GET", url: "/api/v1/auth/sso/start?email=dee%40delta.test" });
    expect(refusal(res)).toMatch(/^The identity provider could not be reached/);
    expect(
      await t.db.selectFrom("sso_logins").select("state_hash").where("org_id", "=", delta.orgId).execute(),
    ).toEqual([]);
  });

  it("rejects an invalid configuration and names each bad field", async () => {
    const res = await t.call(acme.token, {
      method: "PUT",
      url: `/api/v1/orgs/${acme.orgId}/sso`,
      payload: {
        enabled: true,
        issuer: "ftp://idp.example",
        clientId: " ",
        allowedDomains: ["not a domain"],
        defaultRole: "owner",
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().error.details.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(["body.allowedDomains.0", "body.clientId", "body.defaultRole", "body.issuer"]);
    expect(res.json().error.message).toMatch(/body\.issuer/);
  });
});
