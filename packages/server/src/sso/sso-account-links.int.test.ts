import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, type TestMember } from "../testing/test-server.js";
import {
  refusal as refusalAt,
  type SsoTestbed,
  sessionCookieOf,
  startSsoTestbed,
  type TestBrowser,
} from "./sso-test-kit.js";

const PUBLIC_URL = "http://app.test";
const LINK = "/api/v1/auth/sso/link";
const ACCOUNTS = {
  pat: { email: "pat@acme.test", emailVerified: true, name: "Pat (as the provider says)" },
  quinn: { email: "quinn@acme.test", emailVerified: true, name: "Quinn" },
  lou: { email: "lou@acme.test", emailVerified: true, name: "Lou" },
  lee: { email: "lee@acme.test", emailVerified: true, name: "Lee" },
  ora: { email: "ora@acme.test", emailVerified: true, name: "Ora" },
  sam: { email: "sam@shared.test", emailVerified: true, name: "Sam" },
};

describe("single sign-on never takes over an existing account on the provider's word", () => {
  let bed: SsoTestbed;
  let acme: TestMember;
  let elsewhere: TestMember;
  const refusal = (res: Parameters<typeof refusalAt>[0]) => refusalAt(res, PUBLIC_URL);

  beforeAll(async () => {
    bed = await startSsoTestbed({ publicUrl: PUBLIC_URL, accounts: ACCOUNTS });
    acme = await bed.ssoOrg("Acme", ["acme.test"]);
    elsewhere = await bed.t.addOrg("Elsewhere");
  });
  afterAll(async () => {
    await bed?.close();
  });

  const linksOf = (userId: string) =>
    bed.t.db
      .selectFrom("sso_identities")
      .select(["org_id", "issuer", "subject"])
      .where("user_id", "=", userId)
      .execute();
  const membershipsOf = (userId: string) =>
    bed.t.db.selectFrom("memberships").select("org_id").where("user_id", "=", userId).execute();

  async function signInWithPassword(browser: TestBrowser, email: string) {
    const res = await browser.post("/api/v1/auth/login", { email, password: TEST_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
  }

  it("sends an existing account to its password before linking, then signs it in through the link", async () => {
    const { t } = bed;
    const pat = await t.addMember(elsewhere.orgId, "admin", "pat@acme.test");
    const browser = bed.browser();
    const { res } = await bed.signInThroughProvider(browser, "pat@acme.test", "pat");
    // Not signed in as pat on the provider's word: the browser is asked for pat's password.
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe("/sso/link");
    expect(sessionCookieOf(res)).toBeUndefined();
    expect(res.cookies.find((c) => c.name === "aims_sso_link")).toMatchObject({
      httpOnly: true,
      sameSite: "Strict",
      path: LINK,
      maxAge: 600,
    });
    expect(await linksOf(pat.userId)).toEqual([]);
    expect(await membershipsOf(pat.userId)).toEqual([{ org_id: elsewhere.orgId }]);

    const waiting = await browser.get(LINK);
    expect(waiting.statusCode).toBe(200);
    expect(waiting.json()).toMatchObject({ email: "pat@acme.test", orgName: "Acme" });
    // The pending link lives in this browser only.
    const other = bed.browser();
    expect((await other.get(LINK)).statusCode).toBe(404);
    expect((await other.post(LINK, { password: TEST_PASSWORD })).statusCode).toBe(404);

    const wrong = await browser.post(LINK, { password: "not the password" });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe("The password is incorrect.");
    const counted = await t.db
      .selectFrom("users")
      .select("failed_signins")
      .where("id", "=", pat.userId)
      .executeTakeFirstOrThrow();
    expect(counted.failed_signins).toBe(1);
    expect((await bed.trailOf(elsewhere)).at(-1)).toMatchObject({
      action: "user.signin_failed",
      entityId: pat.userId,
      changes: { method: { after: "sso_link" } },
    });
    expect(await linksOf(pat.userId)).toEqual([]);

    const linked = await browser.post(LINK, { password: TEST_PASSWORD });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(sessionCookieOf(linked)).toBeDefined();
    expect(browser.cookie("aims_sso_link")).toBeUndefined();
    // The session is bound to the organisation whose provider vouched.
    expect(linked.json().me.memberships.map((m: { orgId: string }) => m.orgId)).toEqual([acme.orgId]);
    expect(linked.json().me.user).toMatchObject({ email: "pat@acme.test", name: "Test admin" });
    expect((await browser.get(`/api/v1/orgs/${elsewhere.orgId}/members`)).statusCode).toBe(404);
    expect(await linksOf(pat.userId)).toEqual([{ org_id: acme.orgId, issuer: bed.idp.issuer, subject: "pat" }]);
    const trail = await bed.trailOf(acme);
    expect(trail.map((e) => e.action).slice(-3)).toEqual(["member.added", "sso.identity_linked", "user.signed_in"]);
    expect(trail.at(-2)?.changes).toMatchObject({ userId: { after: pat.userId }, via: { after: "password" } });
    const after = await t.db
      .selectFrom("users")
      .select("failed_signins")
      .where("id", "=", pat.userId)
      .executeTakeFirstOrThrow();
    expect(after.failed_signins).toBe(0);
    expect((await browser.get(LINK)).statusCode).toBe(404);

    // From now on the linked identity signs pat in directly, in any browser.
    const again = await bed.signInThroughProvider(bed.browser(), "pat@acme.test", "pat");
    expect(again.res.headers.location).toBe(`/o/${acme.orgId}`);
    expect(sessionCookieOf(again.res)).toBeDefined();
  });

  it("links at once in a browser already signed in to the same account with its password", async () => {
    const quinn = await bed.t.addMember(elsewhere.orgId, "viewer", "quinn@acme.test");
    const browser = bed.browser();
    await signInWithPassword(browser, "quinn@acme.test");
    const { res } = await bed.signInThroughProvider(browser, "quinn@acme.test", "quinn");
    expect(res.headers.location).toBe(`/o/${acme.orgId}`);
    expect(await linksOf(quinn.userId)).toEqual([{ org_id: acme.orgId, issuer: bed.idp.issuer, subject: "quinn" }]);
    expect(
      (await bed.trailOf(acme)).find(
        (e) => e.action === "sso.identity_linked" && e.changes.userId?.after === quinn.userId,
      )?.changes,
    ).toMatchObject({ via: { after: "signed_in_session" } });
  });

  it("asks for the password when the browser is signed in as someone else, or only through single sign-on", async () => {
    const lou = await bed.t.addMember(elsewhere.orgId, "viewer", "lou@acme.test");
    const someoneElse = bed.browser();
    await signInWithPassword(someoneElse, elsewhere.email);
    expect((await bed.signInThroughProvider(someoneElse, "lou@acme.test", "lou")).res.headers.location).toBe(
      "/sso/link",
    );

    // A single sign-on session is only as good as the provider behind it: it does not link either.
    const ssoOnly = bed.browser();
    const ann = await bed.signInThroughProvider(ssoOnly, "lee@acme.test", "lee");
    expect(ann.res.headers.location).toBe(`/o/${acme.orgId}`);
    const louViaSso = await bed.signInThroughProvider(ssoOnly, "lou@acme.test", "lou");
    expect(louViaSso.res.headers.location).toBe("/sso/link");
    expect(await linksOf(lou.userId)).toEqual([]);
  });

  it("counts wrong link passwords towards the account's lock-out", async () => {
    const ora = await bed.t.addMember(elsewhere.orgId, "viewer", "ora@acme.test");
    const browser = bed.browser();
    expect((await bed.signInThroughProvider(browser, "ora@acme.test", "ora")).res.headers.location).toBe("/sso/link");
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await browser.post(LINK, { password: `wrong ${attempt}` })).statusCode).toBe(401);
    }
    const locked = await browser.post(LINK, { password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(423);
    expect(await linksOf(ora.userId)).toEqual([]);
    expect((await bed.trailOf(elsewhere)).map((e) => e.action)).toContain("user.locked");
  });

  it("adopts an account its own single sign-on created before links were recorded, and nobody else's", async () => {
    const { t } = bed;
    // As left by earlier versions: no password, no link, a membership added through single sign-on.
    const legacy = async (email: string, orgId: string) => {
      const id = randomUUID();
      await t.db.insertInto("users").values({ id, email, name: email, password_hash: null }).execute();
      await t.db
        .insertInto("memberships")
        .values({ id: randomUUID(), org_id: orgId, user_id: id, role: "viewer" })
        .execute();
      return id;
    };
    const idp = await bed.addProvider({
      old: { email: "old@legacy.test", emailVerified: true },
      stray: { email: "stray@legacy.test", emailVerified: true },
    });
    const legacyOrg = await bed.ssoOrg("Legacy", ["legacy.test"], idp.issuer);
    const old = await legacy("old@legacy.test", legacyOrg.orgId);
    const adopted = await bed.signInThroughProvider(bed.browser(), "old@legacy.test", "old");
    expect(adopted.res.headers.location).toBe(`/o/${legacyOrg.orgId}`);
    expect(await linksOf(old)).toEqual([{ org_id: legacyOrg.orgId, issuer: idp.issuer, subject: "old" }]);

    const stray = await legacy("stray@legacy.test", elsewhere.orgId);
    const refused = await bed.signInThroughProvider(bed.browser(), "stray@legacy.test", "stray");
    expect(refusal(refused.res)).toMatch(/another organisation's single sign-on/);
    expect(await linksOf(stray)).toEqual([]);
  });

  it("refuses, and says how to proceed, when another organisation's provider claims an account without a password", async () => {
    const { t } = bed;
    const oldIdp = await bed.addProvider({ sam: ACCOUNTS.sam });
    const oldOrg = await bed.ssoOrg("Old owner of shared.test", ["shared.test"], oldIdp.issuer);
    expect((await bed.signInThroughProvider(bed.browser(), "sam@shared.test", "sam")).res.headers.location).toBe(
      `/o/${oldOrg.orgId}`,
    );
    const sam = await t.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "sam@shared.test")
      .executeTakeFirstOrThrow();

    // Another organisation proves control of shared.test and points it at a provider it runs.
    const newIdp = await bed.addProvider({ "new-sam": ACCOUNTS.sam });
    const newOrg = await bed.ssoOrg("New owner of shared.test", ["shared.test"], newIdp.issuer);
    const { res } = await bed.signInThroughProvider(bed.browser(), "sam@shared.test", "new-sam");
    expect(refusal(res)).toBe(
      "sam@shared.test already has an account that signs in only through another organisation's single sign-on, so New owner of shared.test's identity provider cannot sign it in. Ask your OpenAIMS administrator to set a password for the account (aims user set-password), then sign in with single sign-on again and confirm the link with that password.",
    );
    expect(await linksOf(sam.id)).toEqual([{ org_id: oldOrg.orgId, issuer: oldIdp.issuer, subject: "sam" }]);
    expect(await membershipsOf(sam.id)).toEqual([{ org_id: oldOrg.orgId }]);
    expect(newOrg.orgId).not.toBe(oldOrg.orgId);
  });
});
