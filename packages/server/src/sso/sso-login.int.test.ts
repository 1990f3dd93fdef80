import { hashSecret } from "@openaims/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { completeProviderLogin } from "../testing/test-identity-provider.js";
import type { TestMember } from "../testing/test-server.js";
import { refusal as refusalAt, type SsoTestbed, sessionCookieOf, startSsoTestbed } from "./sso-test-kit.js";

const PUBLIC_URL = "http://app.test";
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/sso/callback`;
const ACCOUNTS = {
  ann: { email: "ann@acme.test", emailVerified: true, name: "Ann Example" },
  bob: { email: "Bob@Acme.test", emailVerified: true },
  uma: { email: "uma@acme.test", emailVerified: false, name: "Unverified Uma" },
  oscar: { email: "oscar@elsewhere.test", emailVerified: true, name: "Oscar Outside" },
  gus: { email: "gus@gamma.test", emailVerified: true, name: "Gus" },
  dana: { email: "dana@acme.test", emailVerified: true, name: "Dana" },
  flo: { email: "flo@acme.test", emailVerified: true, name: "Flo" },
};
const BINDING_COOKIE = "aims_sso_binding";

describe("single sign-on through OpenID Connect", () => {
  let bed: SsoTestbed;
  let acme: TestMember;
  const refusal = (res: Parameters<typeof refusalAt>[0]) => refusalAt(res, PUBLIC_URL);

  beforeAll(async () => {
    bed = await startSsoTestbed({ publicUrl: PUBLIC_URL, accounts: ACCOUNTS });
    acme = await bed.ssoOrg("Acme", ["acme.test"]);
  });
  afterAll(async () => {
    await bed?.close();
  });

  it("signs a newcomer in, adds them with the default role and a link to the provider identity, in a verifiable trail", async () => {
    const { t } = bed;
    const browser = bed.browser();
    const started = await browser.get(`/api/v1/auth/sso/start?email=${encodeURIComponent("Ann@Acme.test")}`);
    expect(started.statusCode).toBe(302);
    const authorizationUrl = new URL(started.headers.location as string);
    expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizationUrl.searchParams.get("login_hint")).toBe("ann@acme.test");
    expect(authorizationUrl.searchParams.get("redirect_uri")).toBe(CALLBACK);
    expect(authorizationUrl.searchParams.get("scope")).toBe("openid email profile");
    const state = authorizationUrl.searchParams.get("state") as string;
    const binding = started.cookies.find((c) => c.name === BINDING_COOKIE);
    expect(binding).toMatchObject({
      httpOnly: true,
      sameSite: "Lax",
      path: "/api/v1/auth/sso/callback",
      maxAge: 600,
    });
    expect(binding?.secure).toBeFalsy();
    const pending = await t.db
      .selectFrom("sso_logins")
      .select(["state_hash", "org_id", "browser_binding_hash"])
      .execute();
    expect(pending.map((p) => p.org_id)).toEqual([acme.orgId]);
    expect(pending[0]?.state_hash).not.toBe(state);
    // Only hashes are stored: neither the state nor the browser's secret can be read back.
    expect(pending[0]?.browser_binding_hash).toBe(hashSecret(binding?.value as string));

    const callback = await completeProviderLogin(authorizationUrl.href, "ann");
    const res = await browser.get(`${callback.pathname}${callback.search}`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/o/${acme.orgId}`);
    const cookie = res.cookies.find((c) => c.name === "aims_session");
    expect(cookie?.httpOnly).toBe(true);
    // The binding cookie is spent with the sign-in.
    expect(res.cookies.find((c) => c.name === BINDING_COOKIE)?.value).toBe("");
    expect(browser.cookie(BINDING_COOKIE)).toBeUndefined();
    expect(await t.db.selectFrom("sso_logins").select("state_hash").execute()).toEqual([]);

    const me = await browser.get("/api/v1/me");
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
    const links = await t.db.selectFrom("sso_identities").selectAll().where("user_id", "=", user.id).execute();
    expect(links).toEqual([expect.objectContaining({ org_id: acme.orgId, issuer: bed.idp.issuer, subject: "ann" })]);

    const trail = await bed.trailOf(acme);
    expect(trail.map((e) => e.action).slice(-4)).toEqual([
      "sso.configured",
      "member.added",
      "sso.identity_linked",
      "user.signed_in",
    ]);
    expect(trail.at(-3)?.changes).toMatchObject({
      userId: { after: user.id },
      role: { after: "contributor" },
      via: { after: "sso" },
    });
    expect(trail.at(-2)).toMatchObject({
      entityId: links[0]?.id,
      changes: { userId: { after: user.id }, subject: { after: "ann" }, via: { after: "new_account" } },
    });
    expect(trail.at(-1)).toMatchObject({ entityId: user.id, changes: { method: { after: "sso" } } });
    const verify = await t.call(acme.token, { method: "POST", url: `/api/v1/orgs/${acme.orgId}/audit-trail/verify` });
    expect(verify.json()).toMatchObject({ ok: true, firstBroken: null });

    const again = await bed.signInThroughProvider(bed.browser(), "ann@acme.test", "ann");
    expect(again.res.headers.location).toBe(`/o/${acme.orgId}`);
    expect((await bed.trailOf(acme)).map((e) => e.action).slice(-3)).toEqual([
      "sso.identity_linked",
      "user.signed_in",
      "user.signed_in",
    ]);

    const logs = t.logs.join("");
    for (const secret of [
      CLIENT_SECRET_FOR_LOGS,
      state,
      callback.searchParams.get("code") as string,
      cookie?.value as string,
      binding?.value as string,
    ]) {
      expect(logs).not.toContain(secret);
    }
  });

  it("finishes a sign-in only in the browser that started it, leaving it to that browser", async () => {
    const { t } = bed;
    const victim = bed.browser();
    const authorizationUrl = await bed.start(victim, "ann@acme.test");
    const callback = await completeProviderLogin(authorizationUrl, "ann");
    const callbackPath = `${callback.pathname}${callback.search}`;
    const stateHash = hashSecret(callback.searchParams.get("state") as string);

    // Login CSRF: the same provider answer opened in another browser, which never started this sign-in.
    const stranger = bed.browser();
    const elsewhere = await stranger.get(callbackPath);
    expect(refusal(elsewhere)).toMatch(/not started in this browser/);
    // ...or in a browser with a sign-in of its own under way, whose cookie does not match.
    const busy = bed.browser();
    const ownAuthorizationUrl = await bed.start(busy, "flo@acme.test");
    const busyCookie = busy.cookie(BINDING_COOKIE);
    expect(busyCookie).toBeDefined();
    expect(refusal(await busy.get(callbackPath))).toMatch(/not started in this browser/);
    expect(busy.cookie(BINDING_COOKIE)).toBe(busyCookie);

    // Neither refusal spent the pending sign-in or redeemed the code.
    expect(await t.db.selectFrom("sso_logins").select("org_id").where("state_hash", "=", stateHash).execute()).toEqual([
      { org_id: acme.orgId },
    ]);
    const finished = await victim.get(callbackPath);
    expect(finished.headers.location).toBe(`/o/${acme.orgId}`);
    expect(sessionCookieOf(finished)).toBeDefined();

    // The busy browser's own sign-in is unharmed.
    const ownCallback = await completeProviderLogin(ownAuthorizationUrl, "flo");
    const own = await busy.get(`${ownCallback.pathname}${ownCallback.search}`);
    expect(own.headers.location).toBe(`/o/${acme.orgId}`);
    const flo = await busy.get("/api/v1/me");
    expect(flo.json().user.email).toBe("flo@acme.test");
  });

  it("names a person by their e-mail when the provider sends no name", async () => {
    const { res } = await bed.signInThroughProvider(bed.browser(), "bob@acme.test", "bob");
    expect(res.headers.location).toBe(`/o/${acme.orgId}`);
    const user = await bed.t.db
      .selectFrom("users")
      .select("name")
      .where("email", "=", "bob@acme.test")
      .executeTakeFirstOrThrow();
    expect(user.name).toBe("bob@acme.test");
  });

  it("refuses a callback whose state was already used, in the same browser too", async () => {
    const browser = bed.browser();
    const first = await bed.signInThroughProvider(browser, "ann@acme.test", "ann");
    expect(first.res.headers.location).toBe(`/o/${acme.orgId}`);
    const replay = await browser.get(first.callbackPath);
    expect(refusal(replay)).toMatch(/expired or was already used/);
  });

  it("refuses a sign-in that took longer than ten minutes", async () => {
    const browser = bed.browser();
    const authorizationUrl = await bed.start(browser, "ann@acme.test");
    await bed.t.db
      .updateTable("sso_logins")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const callback = await completeProviderLogin(authorizationUrl, "ann");
    const res = await browser.get(`${callback.pathname}${callback.search}`);
    expect(refusal(res)).toMatch(/expired or was already used/);
  });

  it("refuses an e-mail address the provider has not verified", async () => {
    const { res } = await bed.signInThroughProvider(bed.browser(), "uma@acme.test", "uma");
    expect(refusal(res)).toBe(
      "The identity provider has not verified uma@acme.test. Verify the address there, then sign in again.",
    );
    expect(await bed.t.db.selectFrom("users").select("id").where("email", "=", "uma@acme.test").execute()).toEqual([]);
  });

  it("refuses an address outside the organisation's domains, whatever was typed at the start", async () => {
    const { res } = await bed.signInThroughProvider(bed.browser(), "ann@acme.test", "oscar");
    expect(refusal(res)).toMatch(/does not admit elsewhere\.test addresses/);
    expect(
      await bed.t.db.selectFrom("users").select("id").where("email", "=", "oscar@elsewhere.test").execute(),
    ).toEqual([]);
  });

  it("sends an e-mail domain without single sign-on back to the sign-in page", async () => {
    const res = await bed.browser().get("/api/v1/auth/sso/start?email=someone%40nowhere.test");
    expect(refusal(res)).toBe("No organisation signs in nowhere.test through single sign-on.");
  });

  it("shows the provider's own refusal and spends the state", async () => {
    const browser = bed.browser();
    const state = new URL(await bed.start(browser, "ann@acme.test")).searchParams.get("state") as string;
    const url = `/api/v1/auth/sso/callback?error=access_denied&error_description=End-User+aborted&state=${encodeURIComponent(state)}`;
    expect(refusal(await browser.get(url))).toBe(
      "The identity provider refused the sign-in (access_denied: End-User aborted).",
    );
    expect(refusal(await browser.get(url))).toMatch(/expired or was already used/);
  });

  it("does not bring back a membership an administrator archived", async () => {
    const { t } = bed;
    const first = await bed.signInThroughProvider(bed.browser(), "dana@acme.test", "dana");
    expect(first.res.headers.location).toBe(`/o/${acme.orgId}`);
    const dana = await t.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "dana@acme.test")
      .executeTakeFirstOrThrow();
    const members = await t.call(acme.token, { method: "GET", url: `/api/v1/orgs/${acme.orgId}/members?limit=100` });
    const membership = members.json().items.find((m: { userId: string }) => m.userId === dana.id);
    const archived = await t.call(acme.token, {
      method: "POST",
      url: `/api/v1/orgs/${acme.orgId}/members/${membership.id}/archive`,
      payload: { reason: "left the company", version: membership.version },
    });
    expect(archived.statusCode).toBe(200);
    const { res } = await bed.signInThroughProvider(bed.browser(), "dana@acme.test", "dana");
    expect(refusal(res)).toBe("An administrator removed dana@acme.test from Acme. Ask them to invite you again.");
    const after = await t.db
      .selectFrom("memberships")
      .select("archived_at")
      .where("id", "=", membership.id)
      .executeTakeFirstOrThrow();
    expect(after.archived_at).not.toBeNull();
  });

  it("reads the e-mail from userinfo when the ID token carries only the subject", async () => {
    const strictIdp = await bed.addProvider(
      { bea: { email: "bea@beta.test", emailVerified: true, name: "Bea" } },
      { claimsInIdToken: false },
    );
    const beta = await bed.ssoOrg("Beta", ["beta.test"], strictIdp.issuer);
    const { res } = await bed.signInThroughProvider(bed.browser(), "bea@beta.test", "bea");
    expect(res.headers.location).toBe(`/o/${beta.orgId}`);
    const user = await bed.t.db
      .selectFrom("users")
      .select("name")
      .where("email", "=", "bea@beta.test")
      .executeTakeFirstOrThrow();
    expect(user.name).toBe("Bea");
  });

  it("explains a rejected client secret without logging it", async () => {
    const gamma = await bed.t.addOrg("Gamma");
    await bed.verifyDomain(gamma, "gamma.test");
    const wrongSecret = "wrong-secret-must-not-be-logged";
    const put = await bed.configure(gamma, {
      issuer: bed.idp.issuer,
      allowedDomains: ["gamma.test"],
      clientSecret: wrongSecret,
    });
    expect(put.statusCode).toBe(200);
    const { res } = await bed.signInThroughProvider(bed.browser(), "gus@gamma.test", "gus");
    expect(refusal(res)).toMatch(/^The identity provider did not confirm the sign-in/);
    const logs = bed.t.logs.join("");
    expect(logs).toContain("single sign-on failed at the identity provider");
    expect(logs).not.toContain(wrongSecret);
  });

  it("explains an identity provider that cannot be reached", async () => {
    const delta = await bed.ssoOrg("Delta", ["delta.test"], "http://127.0.0.1:9");
    const res = await bed.browser().get("/api/v1/auth/sso/start?email=dee%40delta.test");
    expect(refusal(res)).toMatch(/^The identity provider could not be reached/);
    expect(
      await bed.t.db.selectFrom("sso_logins").select("state_hash").where("org_id", "=", delta.orgId).execute(),
    ).toEqual([]);
    expect(res.cookies.find((c) => c.name === BINDING_COOKIE)).toBeUndefined();
  });

  it("rejects an invalid configuration and names each bad field", async () => {
    const res = await bed.t.call(acme.token, {
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
    expect(invalidFieldLines(res)).toMatch(/body\.issuer/);
  });
});

describe("the single sign-on binding cookie behind https", () => {
  let bed: SsoTestbed;
  beforeAll(async () => {
    bed = await startSsoTestbed({ publicUrl: "https://aims.acme.test", accounts: {} });
  });
  afterAll(async () => {
    await bed?.close();
  });

  it("is Secure when the public address is https", async () => {
    await bed.ssoOrg("Acme", ["acme.test"]);
    const res = await bed.browser().get("/api/v1/auth/sso/start?email=ann%40acme.test");
    expect(res.statusCode).toBe(302);
    expect(res.cookies.find((c) => c.name === BINDING_COOKIE)).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: "Lax",
      path: "/api/v1/auth/sso/callback",
      maxAge: 600,
    });
  });
});

const CLIENT_SECRET_FOR_LOGS = "idp-client-secret-do-not-log";
