import { hashSecret } from "@openaims/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { subjectOf, textBodyOf } from "../testing/test-mail-server.js";
import { startTestServer, type TestMember } from "../testing/test-server.js";
import { refusal, type SsoTestbed, startSsoTestbed } from "./sso-test-kit.js";

const PUBLIC_URL = "https://aims.example.test";
const ACCOUNTS = {
  cara: { email: "cara@contested.test", emailVerified: true, name: "Cara" },
  "cara-at-new-owner": { email: "cara@contested.test", emailVerified: true, name: "Cara" },
};

describe("proving control of an e-mail domain for single sign-on", () => {
  let bed: SsoTestbed;
  beforeAll(async () => {
    bed = await startSsoTestbed({
      publicUrl: PUBLIC_URL,
      accounts: ACCOUNTS,
      server: { mailFrom: "OpenAIMS <aims@example.test>" },
    });
  });
  afterAll(async () => {
    await bed?.close();
  });

  const domainsOf = async (owner: TestMember) =>
    (await bed.t.call(owner.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/sso/domains` })).json().items as {
      domain: string;
      status: string;
      verifiedElsewhere: boolean;
    }[];

  it("mails a one-time link to the named address, and verifies the domain only when it is confirmed by POST", async () => {
    const { t } = bed;
    const owner = await t.addOrg("Acme Research");
    const sent = await bed.sendVerification(owner, "acme.test", "IT-Admin@Acme.test");
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({
      emailSent: true,
      claim: { domain: "acme.test", status: "pending", verificationEmail: "it-admin@acme.test", verifiedAt: null },
    });

    const mail = bed.mail.lastTo("it-admin@acme.test");
    expect(mail?.from).toBe("aims@example.test");
    expect(subjectOf(mail?.raw ?? "")).toBe("Confirm that Acme Research controls acme.test on OpenAIMS");
    const text = textBodyOf(mail?.raw ?? "");
    expect(text).toContain("Test owner <");
    expect(text).toContain("controls the e-mail domain acme.test");
    const link = /https:\/\/aims\.example\.test\/sso\/verify-domain\?token=(\S+)/.exec(text);
    expect(link).not.toBeNull();
    const token = decodeURIComponent(link?.[1] as string);
    expect(token).toMatch(/^aims_domain_[A-Za-z0-9_-]{43}$/);

    // Only the token's hash is stored, with an expiry two days out.
    const row = await t.db
      .selectFrom("sso_domain_claims")
      .selectAll()
      .where("org_id", "=", owner.orgId)
      .executeTakeFirstOrThrow();
    expect(row.verification_token_hash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const hoursLeft = ((row.verification_expires_at as Date).getTime() - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(47.9);
    expect(hoursLeft).toBeLessThanOrEqual(48);

    // Opening the link (what a mail scanner does) shows the request and changes nothing.
    const preview = await t.app.inject({
      method: "GET",
      url: `/api/v1/auth/sso/domain-verification?token=${encodeURIComponent(token)}`,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      orgName: "Acme Research",
      domain: "acme.test",
      email: "it-admin@acme.test",
      takesOver: false,
    });
    expect(await domainsOf(owner)).toEqual([expect.objectContaining({ domain: "acme.test", status: "pending" })]);

    const confirmed = await bed.confirm(token);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toEqual({ orgName: "Acme Research", domain: "acme.test", tookOverFrom: 0 });
    expect(await domainsOf(owner)).toEqual([
      expect.objectContaining({ domain: "acme.test", status: "verified", verificationExpiresAt: null }),
    ]);
    expect((await bed.confirm(token)).statusCode).toBe(404);

    const trail = await bed.trailOf(owner);
    expect(trail.map((e) => e.action).slice(-2)).toEqual(["sso.domain_verification_sent", "sso.domain_verified"]);
    expect(trail.at(-1)).toMatchObject({
      actor: { type: "system", label: "Domain verification link sent to it-admin@acme.test" },
      changes: { status: { before: "pending", after: "verified" } },
    });
    const put = await bed.configure(owner, { issuer: bed.idp.issuer, allowedDomains: ["acme.test"] });
    expect(put.statusCode, put.body).toBe(200);
    expect(t.logs.join("")).not.toContain(token);
  });

  it("accepts only an address at the domain, and refuses a second claim once verified", async () => {
    const owner = await bed.t.addOrg("Strict");
    const outside = await bed.sendVerification(owner, "strict.test", "me@elsewhere.test");
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.fields).toMatchObject([
      { field: "body.email", message: "must be an address at strict.test" },
    ]);
    const sub = await bed.sendVerification(owner, "strict.test", "me@mail.strict.test");
    expect(sub.statusCode).toBe(400);
    await bed.verifyDomain(owner, "strict.test");
    const again = await bed.sendVerification(owner, "strict.test");
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe("strict.test is already verified for this organisation.");
  });

  it("lets a newer e-mail replace the link, and refuses an expired one", async () => {
    const owner = await bed.t.addOrg("Replaced");
    await bed.sendVerification(owner, "replaced.test");
    const first = bed.mailedToken("it-admin@replaced.test");
    await bed.sendVerification(owner, "replaced.test", "postmaster@replaced.test");
    const second = bed.mailedToken("postmaster@replaced.test");
    const stale = await bed.confirm(first);
    expect(stale.statusCode).toBe(404);
    expect(stale.json().error.message).toMatch(/invalid, already used, replaced by a newer one or expired/);

    await bed.t.db
      .updateTable("sso_domain_claims")
      .set({ verification_expires_at: new Date(Date.now() - 1000) })
      .where("org_id", "=", owner.orgId)
      .execute();
    expect((await bed.confirm(second)).statusCode).toBe(404);
    expect(await domainsOf(owner)).toEqual([expect.objectContaining({ status: "pending" })]);
  });

  it("lists only domains verified for this organisation in its single sign-on settings", async () => {
    const owner = await bed.t.addOrg("Unproven");
    await bed.verifyDomain(owner, "proven.test");
    await bed.sendVerification(owner, "unproven.test");
    const res = await bed.configure(owner, {
      issuer: bed.idp.issuer,
      allowedDomains: ["proven.test", "unproven.test", "never-claimed.test"],
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields as { field: string; message: string }[];
    expect(fields.map((f) => f.field)).toEqual(["body.allowedDomains.1", "body.allowedDomains.2"]);
    expect(fields[0]?.message).toMatch(/^unproven\.test is not verified for this organisation/);
    expect(fields[1]?.message).toMatch(/^never-claimed\.test is not verified for this organisation/);
    expect(invalidFieldLines(res)).toContain("body.allowedDomains.1: unproven.test is not verified");

    // Turning single sign-on off needs no domain at all; turning it on needs one.
    const off = await bed.configure(owner, { issuer: bed.idp.issuer, allowedDomains: [], enabled: false });
    expect(off.statusCode, off.body).toBe(200);
    const on = await bed.configure(owner, { issuer: bed.idp.issuer, allowedDomains: [], version: 1 });
    expect(on.statusCode).toBe(400);
    expect(on.json().error.details.fields).toMatchObject([
      { field: "body.allowedDomains", message: "list at least one verified domain to turn single sign-on on" },
    ]);
  });

  it("lets an organisation that proves control take a domain over; the earlier claims are revoked in both trails", async () => {
    const { t } = bed;
    // An unverified claim blocks nobody, and admits nobody.
    const squatter = await t.addOrg("Squatter");
    await bed.sendVerification(squatter, "contested.test");
    const first = await bed.ssoOrg("First owner", ["contested.test"]);
    // Proving control revoked the squatter's claim, though it was never verified.
    expect(await domainsOf(squatter)).toEqual([expect.objectContaining({ status: "taken_over" })]);
    expect((await bed.trailOf(squatter)).at(-1)).toMatchObject({
      action: "sso.domain_taken_over",
      changes: { status: { before: "pending", after: "taken_over" }, takenOverBy: { after: first.orgId } },
    });
    expect((await bed.signInThroughProvider(bed.browser(), "cara@contested.test", "cara")).res.headers.location).toBe(
      `/o/${first.orgId}`,
    );

    const second = await t.addOrg("Second owner");
    await bed.sendVerification(second, "contested.test");
    expect(await domainsOf(second)).toEqual([
      expect.objectContaining({ domain: "contested.test", status: "pending", verifiedElsewhere: true }),
    ]);
    const preview = await t.app.inject({
      method: "GET",
      url: `/api/v1/auth/sso/domain-verification?token=${encodeURIComponent(bed.mailedToken("it-admin@contested.test"))}`,
    });
    expect(preview.json().takesOver).toBe(true);
    const confirmed = await bed.confirm(bed.mailedToken("it-admin@contested.test"));
    expect(confirmed.json()).toMatchObject({ domain: "contested.test", tookOverFrom: 1 });

    expect(await domainsOf(second)).toEqual([expect.objectContaining({ status: "verified" })]);
    expect(await domainsOf(first)).toEqual([expect.objectContaining({ status: "taken_over", verifiedAt: null })]);
    // The first organisation's single sign-on no longer lists or admits the domain.
    const firstConfig = await t.call(first.token, { method: "GET", url: `/api/v1/orgs/${first.orgId}/sso` });
    expect(firstConfig.json()).toMatchObject({ allowedDomains: [], version: 2 });
    expect(refusal(await bed.browser().get("/api/v1/auth/sso/start?email=cara%40contested.test"), PUBLIC_URL)).toBe(
      "No organisation signs in contested.test through single sign-on.",
    );
    const relisted = await bed.configure(first, {
      issuer: bed.idp.issuer,
      allowedDomains: ["contested.test"],
      version: 2,
    });
    expect(relisted.statusCode).toBe(400);

    const firstTrail = await bed.trailOf(first);
    expect(firstTrail.at(-1)).toMatchObject({
      action: "sso.domain_taken_over",
      changes: {
        status: { before: "verified", after: "taken_over" },
        takenOverBy: { after: second.orgId },
        allowedDomains: { before: ["contested.test"], after: [] },
      },
    });
    expect((await bed.trailOf(second)).at(-1)).toMatchObject({
      action: "sso.domain_verified",
      changes: { tookOverFrom: { after: [first.orgId] } },
    });
    for (const owner of [first, second, squatter]) {
      const verify = await t.call(owner.token, {
        method: "POST",
        url: `/api/v1/orgs/${owner.orgId}/audit-trail/verify`,
      });
      expect(verify.json()).toMatchObject({ ok: true });
    }

    // The new owner's provider now answers for the domain; its identity for cara is a new one, and
    // cara's account has no password, so it is not taken over either.
    const newIdp = await bed.addProvider({ "cara-at-new-owner": ACCOUNTS["cara-at-new-owner"] });
    const put = await bed.configure(second, { issuer: newIdp.issuer, allowedDomains: ["contested.test"] });
    expect(put.statusCode, put.body).toBe(200);
    const takeover = await bed.signInThroughProvider(bed.browser(), "cara@contested.test", "cara-at-new-owner");
    expect(refusal(takeover.res, PUBLIC_URL)).toMatch(/signs in only through another organisation's single sign-on/);

    // The first organisation can win it back only by proving control again.
    await bed.sendVerification(first, "contested.test");
    expect(await domainsOf(first)).toEqual([
      expect.objectContaining({ status: "pending", verifiedElsewhere: true, takenOverAt: null }),
    ]);
  });

  it("answers 404 to unknown tokens and 400 to malformed ones, and limits attempts per address", async () => {
    const { t } = bed;
    const malformed = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sso/domain-verification",
      payload: { token: { $ne: null } },
    });
    expect(malformed.statusCode).toBe(400);
    const badQuery = await t.app.inject({
      method: "GET",
      url: `/api/v1/auth/sso/domain-verification?token=${"x".repeat(300)}`,
    });
    expect(badQuery.statusCode).toBe(400);
    const answers: number[] = [];
    for (let attempt = 0; attempt < 22; attempt++) {
      answers.push((await bed.confirm(`aims_domain_guess_${attempt}`)).statusCode);
    }
    expect(answers.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(answers.at(-1)).toBe(429);
  });
});

describe("domain verification without a mail server", () => {
  it("says that e-mail must be configured first", async () => {
    const t = await startTestServer();
    try {
      const owner = await t.addOrg("No mail");
      const res = await t.call(owner.token, {
        method: "POST",
        url: `/api/v1/orgs/${owner.orgId}/sso/domains/verification`,
        payload: { domain: "nomail.test", email: "it@nomail.test" },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toMatch(/cannot send e-mail \(AIMS_SMTP_URL is not set\)/);
      expect(await t.db.selectFrom("sso_domain_claims").select("id").execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
