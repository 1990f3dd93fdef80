import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type ClientMetadata } from "oidc-provider";

/** A person known to the test provider, keyed by the login typed at its sign-in form. */
export interface TestAccount {
  email: string;
  emailVerified: boolean;
  name?: string;
}

export interface TestIdentityProviderOptions {
  client: { clientId: string; clientSecret: string; redirectUri: string };
  accounts: Record<string, TestAccount>;
  /**
   * Put e-mail and profile claims in the ID token (what most hosted providers do). When false the
   * provider follows the spec strictly and serves them from userinfo only.
   */
  claimsInIdToken?: boolean;
}

/**
 * A real OpenID Connect provider (oidc-provider) on a random loopback port, with its development
 * sign-in and consent pages, for tests that walk the whole authorization code flow over HTTP.
 */
export async function startTestIdentityProvider(options: TestIdentityProviderOptions) {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const client: ClientMetadata = {
    client_id: options.client.clientId,
    client_secret: options.client.clientSecret,
    redirect_uris: [options.client.redirectUri],
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: "client_secret_basic",
  };
  const provider = new Provider(issuer, {
    clients: [client],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: options.claimsInIdToken === false,
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    cookies: { keys: ["test-identity-provider-cookie-key"] },
    jwks: { keys: [{ ...signingKey, kid: "test", alg: "RS256", use: "sig" }] },
    findAccount: async (_ctx, accountId) => {
      const account = options.accounts[accountId];
      if (!account) return undefined;
      return {
        accountId,
        claims: async () => ({
          sub: accountId,
          email: account.email,
          email_verified: account.emailVerified,
          ...(account.name ? { name: account.name } : {}),
        }),
      };
    },
  });
  server.on("request", provider.callback());
  return {
    issuer,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/**
 * Plays the browser at the provider: follows redirects with its cookies, signs in as `accountId` and
 * gives consent, and stops at the first redirect that leaves the provider (the app's callback).
 */
export async function completeProviderLogin(authorizationUrl: string, accountId: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = new URL(authorizationUrl);
  const origin = url.origin;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      method: body ? "POST" : "GET",
      redirect: "manual",
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; ") },
      ...(body ? { body } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      if (value) cookies.set(name, value);
      else cookies.delete(name);
    }
    body = undefined;
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url);
      if (url.origin !== origin) return url;
      continue;
    }
    const page = await response.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    if (response.status !== 200 || !prompt)
      throw new Error(`The provider answered ${response.status}: ${page.slice(0, 500)}`);
    body = new URLSearchParams(prompt === "login" ? { prompt, login: accountId, password: "any" } : { prompt });
  }
  throw new Error("The provider kept redirecting without returning to the application.");
}
