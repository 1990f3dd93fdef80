import { randomUUID } from "node:crypto";
import type { Database } from "@openaims/db";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import type { Kysely } from "kysely";
import { expect } from "vitest";
import type { ServerConfig } from "../config.js";
import {
  completeProviderLogin,
  startTestIdentityProvider,
  type TestAccount,
} from "../testing/test-identity-provider.js";
import { startTestMailServer, textBodyOf } from "../testing/test-mail-server.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

/**
 * Plays one browser against the app: keeps the cookies the app sets (honouring Path and deletion) and
 * sends back those whose path covers the request, as a real browser would.
 */
export class TestBrowser {
  private readonly jar = new Map<string, { value: string; path: string }>();

  constructor(private readonly t: TestServer) {}

  async request(options: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
    const path = options.url.split("?")[0] ?? "/";
    const cookie = [...this.jar]
      .filter(([, c]) => path === c.path || path.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`))
      .map(([name, c]) => `${name}=${c.value}`)
      .join("; ");
    const res = await this.t.app.inject({
      ...options,
      headers: { ...(options.headers ?? {}), ...(cookie ? { cookie } : {}) },
    });
    for (const c of res.cookies as { name: string; value: string; path?: string; expires?: Date; maxAge?: number }[]) {
      const gone = c.value === "" || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now());
      if (gone) this.jar.delete(c.name);
      else this.jar.set(c.name, { value: c.value, path: c.path ?? "/" });
    }
    return res;
  }

  get(url: string) {
    return this.request({ method: "GET", url });
  }

  post(url: string, payload: object, headers: Record<string, string> = {}) {
    return this.request({ method: "POST", url, payload, headers });
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name)?.value;
  }
}

export interface SsoTestbedOptions {
  publicUrl: string;
  accounts: Record<string, TestAccount>;
  server?: Partial<ServerConfig>;
}

export const CLIENT_ID = "openaims";
export const CLIENT_SECRET = "idp-client-secret-do-not-log";

/**
 * The app with a real SMTP server (for domain verification) and a real OpenID Connect provider, plus
 * the steps every single sign-on test takes: verify a domain, configure, sign in through the provider.
 */
export async function startSsoTestbed(options: SsoTestbedOptions) {
  const mail = await startTestMailServer();
  const t = await startTestServer({ publicUrl: options.publicUrl, smtpUrl: mail.url, ...options.server });
  const callbackUrl = `${options.publicUrl}/api/v1/auth/sso/callback`;
  const client = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: callbackUrl };
  const idp = await startTestIdentityProvider({ client, accounts: options.accounts });
  const extraProviders: { close(): Promise<void> }[] = [];

  /** A further provider (e.g. one an attacker runs) registered for the same client. */
  async function addProvider(accounts: Record<string, TestAccount>, extra: { claimsInIdToken?: boolean } = {}) {
    const provider = await startTestIdentityProvider({ client, accounts, ...extra });
    extraProviders.push(provider);
    return provider;
  }

  function sendVerification(owner: TestMember, domain: string, email = `it-admin@${domain}`) {
    return t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/sso/domains/verification`,
      payload: { domain, email },
    });
  }

  /** The token of the newest verification link mailed to `email`. */
  function mailedToken(email: string): string {
    const message = mail.lastTo(email);
    expect(message, `no mail to ${email}`).toBeDefined();
    const url = /https?:\/\/\S+\/sso\/verify-domain\?token=\S+/.exec(textBodyOf(message?.raw ?? ""))?.[0];
    expect(url, "no verification link in the mail").toBeDefined();
    return new URL(url as string).searchParams.get("token") as string;
  }

  function confirm(token: string) {
    return t.app.inject({ method: "POST", url: "/api/v1/auth/sso/domain-verification", payload: { token } });
  }

  /** Proves control of `domain` for the owner's organisation the way an administrator does: by mail. */
  async function verifyDomain(owner: TestMember, domain: string, email = `it-admin@${domain}`) {
    const sent = await sendVerification(owner, domain, email);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().emailSent).toBe(true);
    const confirmed = await confirm(mailedToken(email));
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    return confirmed.json() as { orgName: string; domain: string; tookOverFrom: number };
  }

  function configure(
    owner: TestMember,
    settings: { issuer: string; allowedDomains: string[]; clientSecret?: string; enabled?: boolean; version?: number },
  ) {
    return t.call(owner.token, {
      method: "PUT",
      url: `/api/v1/orgs/${owner.orgId}/sso`,
      payload: {
        enabled: true,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        defaultRole: "contributor",
        ...settings,
      },
    });
  }

  /** An organisation with its domains verified and single sign-on through `issuer`. */
  async function ssoOrg(name: string, domains: string[], issuer = idp.issuer) {
    const owner = await t.addOrg(name);
    for (const domain of domains) await verifyDomain(owner, domain);
    const put = await configure(owner, { issuer, allowedDomains: domains });
    expect(put.statusCode, put.body).toBe(200);
    return owner;
  }

  /** The browser's start of single sign-on; answers the provider's authorization URL. */
  async function start(browser: TestBrowser, email: string): Promise<string> {
    const res = await browser.get(`/api/v1/auth/sso/start?email=${encodeURIComponent(email)}`);
    expect(res.statusCode).toBe(302);
    return res.headers.location as string;
  }

  /** Walks the whole flow in one browser: the app's start, the provider's pages, and back to the callback. */
  async function signInThroughProvider(browser: TestBrowser, email: string, accountId: string) {
    const authorizationUrl = await start(browser, email);
    const callback = await completeProviderLogin(authorizationUrl, accountId);
    expect(`${callback.origin}${callback.pathname}`).toBe(callbackUrl);
    const callbackPath = `${callback.pathname}${callback.search}`;
    return { res: await browser.get(callbackPath), callbackPath, authorizationUrl };
  }

  async function trailOf(owner: TestMember) {
    const res = await t.call(owner.token, {
      method: "GET",
      url: `/api/v1/orgs/${owner.orgId}/audit-trail?sort=seq&limit=200`,
    });
    return res.json().items as {
      action: string;
      entityId: string | null;
      actor: { type: string; label: string };
      changes: Record<string, { before: unknown; after: unknown }>;
    }[];
  }

  return {
    t,
    idp,
    mail,
    callbackUrl,
    browser: () => new TestBrowser(t),
    addProvider,
    sendVerification,
    mailedToken,
    confirm,
    verifyDomain,
    configure,
    ssoOrg,
    start,
    signInThroughProvider,
    trailOf,
    close: async () => {
      for (const provider of extraProviders) await provider.close();
      await idp.close();
      await t.close();
      await mail.close();
    },
  };
}

export type SsoTestbed = Awaited<ReturnType<typeof startSsoTestbed>>;

/**
 * Records `domain` as verified for the organisation straight in the database, for tests about
 * something else than domain verification (which sso-domains.int.test.ts walks by real e-mail).
 */
export async function insertVerifiedDomain(db: Kysely<Database>, orgId: string, domain: string): Promise<void> {
  await db
    .insertInto("sso_domain_claims")
    .values({ id: randomUUID(), org_id: orgId, domain, verified_at: new Date() })
    .execute();
}

export function sessionCookieOf(res: LightMyRequestResponse): string | undefined {
  return res.cookies.find((c) => c.name === "aims_session" && c.value !== "")?.value;
}

/** The error a refused sign-in shows on the sign-in page; fails when it was not refused. */
export function refusal(res: LightMyRequestResponse, publicUrl: string): string {
  expect(res.statusCode, res.body).toBe(302);
  const location = new URL(res.headers.location as string, publicUrl);
  expect(location.pathname).toBe("/signin");
  expect(sessionCookieOf(res)).toBeUndefined();
  return location.searchParams.get("error") ?? "";
}
