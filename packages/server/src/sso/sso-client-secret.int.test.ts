import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSecretBox, isSealed } from "../secrets/secret-box.js";
import { completeProviderLogin, startTestIdentityProvider } from "../testing/test-identity-provider.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { prepareClientSecrets } from "./seal-client-secrets.js";
import { insertVerifiedDomain, TestBrowser } from "./sso-test-kit.js";

const PUBLIC_URL = "http://app.test";
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/sso/callback`;
const CLIENT = { clientId: "openaims", clientSecret: "idp-client-secret-kept-sealed", redirectUri: CALLBACK };
const ACCOUNTS = {
  ann: { email: "ann@acme.test", emailVerified: true, name: "Ann Example" },
  gil: { email: "gil@globex.test", emailVerified: true, name: "Gil" },
};

describe("identity-provider client secrets at rest", () => {
  let t: TestServer;
  let idp: Awaited<ReturnType<typeof startTestIdentityProvider>>;
  let acme: TestMember;
  let globex: TestMember;

  beforeAll(async () => {
    t = await startTestServer({ publicUrl: PUBLIC_URL });
    idp = await startTestIdentityProvider({ client: CLIENT, accounts: ACCOUNTS });
    acme = await t.addOrg("Acme");
    globex = await t.addOrg("Globex");
    for (const [owner, domain] of [
      [acme, "acme.test"],
      [globex, "globex.test"],
    ] as const) {
      await insertVerifiedDomain(t.db, owner.orgId, domain);
      const put = await t.call(owner.token, {
        method: "PUT",
        url: `/api/v1/orgs/${owner.orgId}/sso`,
        payload: {
          enabled: true,
          issuer: idp.issuer,
          clientId: CLIENT.clientId,
          clientSecret: CLIENT.clientSecret,
          allowedDomains: [domain],
          defaultRole: "contributor",
        },
      });
      expect(put.statusCode, put.body).toBe(200);
    }
  });
  afterAll(async () => {
    await idp?.close();
    await t?.close();
  });

  const storedSecret = async (orgId: string) =>
    (await t.db.selectFrom("sso_configs").select("client_secret").where("org_id", "=", orgId).executeTakeFirstOrThrow())
      .client_secret as string;
  const storeSecret = (orgId: string, value: string) =>
    t.db.updateTable("sso_configs").set({ client_secret: value }).where("org_id", "=", orgId).execute();

  /** The whole browser round trip; answers where the callback sends the browser. */
  async function signIn(email: string, accountId: string): Promise<string> {
    // One browser for the round trip: the callback must bring back the cookie the start set.
    const browser = new TestBrowser(t);
    const start = await browser.get(`/api/v1/auth/sso/start?email=${email}`);
    expect(start.statusCode).toBe(302);
    const location = start.headers.location as string;
    if (!location.startsWith(idp.issuer)) return location;
    const callback = await completeProviderLogin(location, accountId);
    const res = await browser.get(`${callback.pathname}${callback.search}`);
    expect(res.statusCode).toBe(302);
    return res.headers.location as string;
  }
  const misconfigured = (location: string) =>
    new URL(location, PUBLIC_URL).searchParams.get("error") ?? `not refused: ${location}`;

  it("stores the secret sealed, never in plain text, and signs in by opening it", async () => {
    const stored = await storedSecret(acme.orgId);
    expect(stored).not.toContain(CLIENT.clientSecret);
    expect(isSealed(stored)).toBe(true);
    expect(t.secrets.open(acme.orgId, stored)).toBe(CLIENT.clientSecret);
    expect(await signIn("ann@acme.test", "ann")).toBe(`/o/${acme.orgId}`);
    expect(t.logs.join("")).not.toContain(CLIENT.clientSecret);
  });

  it("tells the person single sign-on is misconfigured when the server's key cannot open the secret", async () => {
    const original = await storedSecret(acme.orgId);
    await storeSecret(acme.orgId, createSecretBox(randomBytes(32)).seal(acme.orgId, CLIENT.clientSecret));
    expect(misconfigured(await signIn("ann@acme.test", "ann"))).toMatch(/^Single sign-on is misconfigured/);
    // A sealed value copied from another organisation's row does not open either.
    await storeSecret(acme.orgId, await storedSecret(globex.orgId));
    expect(misconfigured(await signIn("ann@acme.test", "ann"))).toMatch(/^Single sign-on is misconfigured/);
    await storeSecret(acme.orgId, original);
    expect(await signIn("ann@acme.test", "ann")).toBe(`/o/${acme.orgId}`);
  });

  it("seals a secret stored in plain text at start, once, with an audit entry, and names unreadable ones", async () => {
    await storeSecret(globex.orgId, CLIENT.clientSecret);
    const acmeBefore = await storedSecret(acme.orgId);
    const logged: Array<{ fields: unknown; message: string }> = [];
    const log = {
      info: (fields: unknown, message: string) => logged.push({ fields, message }),
      error: (fields: unknown, message: string) => logged.push({ fields, message }),
    };
    await prepareClientSecrets(t.db, t.secrets, log as never);
    expect(isSealed(await storedSecret(globex.orgId))).toBe(true);
    expect(await storedSecret(acme.orgId)).toBe(acmeBefore);
    expect(logged).toEqual([{ fields: { orgIds: [globex.orgId] }, message: expect.stringContaining("sealed") }]);
    const trail = await t.db
      .selectFrom("audit_entries")
      .select(["action", "changes"])
      .where("org_id", "=", globex.orgId)
      .where("action", "=", "sso.client_secret_sealed")
      .execute();
    expect(trail).toHaveLength(1);
    expect(JSON.stringify(trail)).not.toContain(CLIENT.clientSecret);
    expect(await signIn("gil@globex.test", "gil")).toBe(`/o/${globex.orgId}`);

    logged.length = 0;
    await storeSecret(globex.orgId, createSecretBox(randomBytes(32)).seal(globex.orgId, CLIENT.clientSecret));
    await prepareClientSecrets(t.db, t.secrets, log as never);
    expect(logged).toEqual([
      {
        fields: {
          orgId: globex.orgId,
          orgSlug: expect.any(String),
          sealedWith: expect.stringMatching(/^[0-9a-f]{8}$/),
          reason: expect.stringContaining("sealed with key"),
        },
        message: expect.stringContaining("cannot read"),
      },
    ]);
  });
});
