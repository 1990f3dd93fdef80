import type { Routes } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { ServerConfig } from "../config.js";
import { AppError } from "../http/app-error.js";
import { type Actor, type Handler, Redirect } from "../http/handler-context.js";
import { acceptIdentity } from "./accept-identity.js";
import { authorizationUrlFor, callbackUrlOf, discoverProvider, redeemCode } from "./oidc-client.js";
import { beginPendingLogin, NotThisBrowserError, takePendingLogin } from "./pending-logins.js";
import { signInWithSso } from "./sign-in-with-sso.js";
import { domainOf, findEnabledSsoConfig, findSsoConfigByDomain } from "./sso-configs.js";
import { clearSsoCookie, readSsoCookie, setSsoCookie } from "./sso-cookies.js";
import { admittedDomains } from "./sso-domains.js";

const UNREACHABLE =
  "The identity provider could not be reached. Try again later, or ask your administrator to check the single sign-on settings.";
const NOT_CONFIRMED =
  "The identity provider did not confirm the sign-in. Start single sign-on again; if it keeps failing, ask your administrator to check the single sign-on settings.";
/** The web page that asks for the password of an existing account before linking it. */
const LINK_PAGE = "/sso/link";

/**
 * Both routes are browser navigations, so every failure becomes a redirect to the sign-in page with a
 * message to show rather than a JSON error. Network calls to the provider happen outside any transaction.
 */
export const startSso: Handler<Routes["startSso"]> = async ({ input, tx, deps, request, reply }) => {
  try {
    const email = input.query.email;
    const domain = domainOf(email);
    const sso = await findSsoConfigByDomain(tx, domain);
    if (!sso) throw new AppError("not_found", `No organisation signs in ${domain} through single sign-on.`);
    const provider = await discoverProvider(sso, deps.secrets).catch((error: unknown) => {
      throw providerFailure(request, "discovery", sso.org_id, error, UNREACHABLE);
    });
    const { login, browserSecret } = await beginPendingLogin(tx, sso.org_id);
    const url = await authorizationUrlFor(provider, login, {
      redirectUri: callbackUrlOf(deps.config),
      loginHint: email,
    });
    // Only this browser can finish the sign-in: the callback must bring the secret back.
    setSsoCookie(reply, deps.config, "binding", browserSecret);
    return new Redirect(url.href);
  } catch (error) {
    return signinFailed(request, error);
  }
};

export const finishSso: Handler<Routes["finishSso"]> = async ({
  input,
  tx,
  deps,
  request,
  reply,
  requestId,
  actor,
}) => {
  try {
    const login = await takePendingLogin(tx, input.query.state, readSsoCookie(request, "binding")).catch(
      (error: unknown) => {
        // A response for another browser's sign-in leaves this browser's cookie alone: it may bind a
        // sign-in of its own that is still under way.
        if (!(error instanceof NotThisBrowserError)) clearSsoCookie(reply, deps.config, "binding");
        throw error;
      },
    );
    clearSsoCookie(reply, deps.config, "binding");
    if (input.query.error) {
      const detail = [input.query.error, input.query.error_description?.slice(0, 300)].filter(Boolean).join(": ");
      request.log.info(
        { orgId: login.orgId, providerError: input.query.error },
        "identity provider refused the sign-in",
      );
      throw new AppError("unauthenticated", `The identity provider refused the sign-in (${detail}).`);
    }
    const sso = await findEnabledSsoConfig(tx, login.orgId);
    if (!sso)
      throw new AppError("not_found", "Single sign-on was turned off for this organisation while you were signing in.");
    const identity = await discoverProvider(sso, deps.secrets)
      .then((provider) => redeemCode(provider, callbackUrlFrom(deps.config, request), login))
      .catch((error: unknown) => {
        throw providerFailure(request, "code exchange", sso.org_id, error, NOT_CONFIRMED);
      });
    // Only domains this organisation has verified, and still holds, are admitted.
    const person = acceptIdentity(identity, await admittedDomains(tx, sso));
    const browserUserId = await signedInWithoutSso(tx, actor);
    const outcome = await deps.db.transaction().execute((trx) =>
      signInWithSso(
        trx,
        { deps, request, reply },
        {
          orgId: sso.org_id,
          issuer: sso.issuer,
          subject: identity.subject,
          email: person.email,
          name: person.name,
          defaultRole: sso.default_role,
          requestId,
          browserUserId,
        },
      ),
    );
    if (outcome.kind === "link_pending") {
      setSsoCookie(reply, deps.config, "link", outcome.browserSecret);
      return new Redirect(LINK_PAGE);
    }
    return new Redirect(`/o/${sso.org_id}`);
  } catch (error) {
    return signinFailed(request, error);
  }
};

/**
 * The account this browser is signed in to through its own credentials (password, setup or an
 * invitation), or null. A single sign-on session does not count: it is only as good as the provider
 * that opened it.
 */
async function signedInWithoutSso(db: Kysely<Database>, actor: Actor | null): Promise<string | null> {
  if (actor?.via !== "session" || !actor.sessionId) return null;
  const session = await db.selectFrom("sessions").select("method").where("id", "=", actor.sessionId).executeTakeFirst();
  return session && session.method !== "sso" ? actor.userId : null;
}

/** The URL the provider redirected to, rebuilt from the public address so it matches the registered redirect_uri. */
function callbackUrlFrom(config: ServerConfig, request: FastifyRequest): URL {
  const url = new URL(callbackUrlOf(config));
  const queryStart = request.url.indexOf("?");
  url.search = queryStart >= 0 ? request.url.slice(queryStart) : "";
  return url;
}

/** Logs what went wrong with the provider (never codes, tokens or secrets) and returns what to tell the person. */
function providerFailure(
  request: FastifyRequest,
  step: string,
  orgId: string,
  error: unknown,
  message: string,
): AppError {
  const detail =
    error instanceof Error
      ? { name: error.name, message: error.message, ...oauthErrorOf(error) }
      : { message: String(error) };
  request.log.warn({ orgId, step, failure: detail }, "single sign-on failed at the identity provider");
  return new AppError("unauthenticated", message);
}

/** The OAuth error code a provider answered with, when there is one; the rest of its response is left out. */
function oauthErrorOf(error: Error): { code?: string; oauthError?: string } {
  const fields = error as Error & { code?: unknown; error?: unknown };
  return {
    ...(typeof fields.code === "string" ? { code: fields.code } : {}),
    ...(typeof fields.error === "string" ? { oauthError: fields.error } : {}),
  };
}

function signinFailed(request: FastifyRequest, error: unknown): Redirect {
  let message = "Single sign-on failed. Try again, or sign in with your password.";
  if (error instanceof AppError) {
    message = error.message;
  } else {
    request.log.error({ err: error }, "single sign-on failed");
  }
  return new Redirect(`/signin?error=${encodeURIComponent(message)}`);
}
