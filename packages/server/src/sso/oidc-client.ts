import { routes } from "@openaims/contracts";
import {
  allowInsecureRequests,
  authorizationCodeGrant,
  buildAuthorizationUrl,
  type ClientAuth,
  ClientSecretBasic,
  ClientSecretPost,
  type Configuration,
  calculatePKCECodeChallenge,
  discovery,
  fetchUserInfo,
  None,
} from "openid-client";
import type { ServerConfig } from "../config.js";
import type { SecretBox } from "../secrets/secret-box.js";
import type { PendingLogin } from "./pending-logins.js";
import { openClientSecret } from "./seal-client-secrets.js";
import type { SsoConfigRow } from "./sso-configs.js";

/** Hosts whose issuer may be plain http: a provider on the same machine, as in development and tests. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
const NETWORK_TIMEOUT_SECONDS = 10;

/** The claims a sign-in needs, from the ID token or, when it leaves them out, the userinfo endpoint. */
export interface ProviderIdentity {
  subject: string;
  email: unknown;
  emailVerified: unknown;
  name: unknown;
}

/** Where the identity provider sends the browser back; it must be registered at the provider as is. */
export function callbackUrlOf(config: ServerConfig): string {
  return `${config.publicUrl.replace(/\/+$/, "")}${routes.finishSso.path}`;
}

/**
 * Fetches the provider's discovery document. Plain http is refused by openid-client except for a
 * loopback issuer, so a provider running beside the server (development, tests) works while a
 * remote one must use https.
 *
 * The stored client secret is opened first and synchronously: one this server's key cannot open
 * throws an AppError saying single sign-on is misconfigured before any network call, rather than
 * rejecting like an unreachable provider.
 */
export function discoverProvider(sso: SsoConfigRow, secrets: SecretBox): Promise<Configuration> {
  const clientAuth = clientAuthOf(openClientSecret(sso, secrets));
  const issuer = new URL(sso.issuer);
  const insecureAllowed = issuer.protocol === "http:" && LOOPBACK_HOSTS.has(issuer.hostname);
  return discovery(issuer, sso.client_id, undefined, clientAuth, {
    timeout: NETWORK_TIMEOUT_SECONDS,
    ...(insecureAllowed ? { execute: [allowInsecureRequests] } : {}),
  });
}

/** The authorization request: code flow with PKCE (S256), state and nonce. */
export async function authorizationUrlFor(
  provider: Configuration,
  login: PendingLogin,
  input: { redirectUri: string; loginHint: string },
): Promise<URL> {
  return buildAuthorizationUrl(provider, {
    redirect_uri: input.redirectUri,
    scope: "openid email profile",
    response_type: "code",
    state: login.state,
    nonce: login.nonce,
    code_challenge: await calculatePKCECodeChallenge(login.codeVerifier),
    code_challenge_method: "S256",
    login_hint: input.loginHint,
  });
}

/**
 * Redeems the authorization code and returns who the provider says signed in. The ID token's
 * signature, issuer, audience, nonce and expiry are checked by openid-client.
 */
export async function redeemCode(
  provider: Configuration,
  callbackUrl: URL,
  login: PendingLogin,
): Promise<ProviderIdentity> {
  const tokens = await authorizationCodeGrant(provider, callbackUrl, {
    pkceCodeVerifier: login.codeVerifier,
    expectedState: login.state,
    expectedNonce: login.nonce,
    idTokenExpected: true,
  });
  const idToken = tokens.claims();
  if (!idToken) throw new Error("The token response carried no ID token.");
  let claims: Record<string, unknown> = idToken;
  // Spec-conforming providers may return profile and e-mail claims only from userinfo.
  if (idToken.email === undefined) {
    claims = { ...idToken, ...(await fetchUserInfo(provider, tokens.access_token, idToken.sub)) };
  }
  return { subject: idToken.sub, email: claims.email, emailVerified: claims.email_verified, name: claims.name };
}

/**
 * client_secret_basic is the OpenID Connect default; client_secret_post is used only when the
 * provider does not offer basic. Without a stored secret the client is public and relies on PKCE.
 */
function clientAuthOf(secret: string | null): ClientAuth {
  if (secret === null) return None();
  const basic = ClientSecretBasic(secret);
  const post = ClientSecretPost(secret);
  return (server, client, body, headers) => {
    const methods = server.token_endpoint_auth_methods_supported ?? ["client_secret_basic"];
    const auth = methods.includes("client_secret_basic") || !methods.includes("client_secret_post") ? basic : post;
    auth(server, client, body, headers);
  };
}
