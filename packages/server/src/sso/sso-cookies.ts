import { randomBytes } from "node:crypto";
import { routes } from "@openaims/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";
import { isSecure, type ServerConfig } from "../config.js";

/** How long a browser has to come back from the identity provider, or to confirm an account link. */
export const SSO_COOKIE_TTL_SECONDS = 10 * 60;

/**
 * Two short-lived, HttpOnly cookies, each scoped to the one path that reads it:
 * - the login binding, set by the start of single sign-on and presented to its callback, so a
 *   provider response only finishes a sign-in in the browser that began it (no login CSRF);
 * - the pending account link, set by a callback that needs the account's password, and presented to
 *   the link routes only.
 * The database keeps only a hash of each value.
 */
const COOKIES = {
  binding: { name: "aims_sso_binding", path: routes.finishSso.path, sameSite: "lax" },
  // The callback that sets it is a cross-site navigation, but the link page calls the API from this
  // site: strict keeps it out of every request another site starts.
  link: { name: "aims_sso_link", path: routes.linkSsoAccount.path, sameSite: "strict" },
} as const;

type SsoCookie = keyof typeof COOKIES;

/** 32 random bytes, base64url: the browser keeps it, the database its hash. */
export function newBrowserSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function setSsoCookie(reply: FastifyReply, config: ServerConfig, cookie: SsoCookie, value: string): void {
  const { name, path, sameSite } = COOKIES[cookie];
  void reply.setCookie(name, value, {
    httpOnly: true,
    sameSite,
    secure: isSecure(config),
    path,
    maxAge: SSO_COOKIE_TTL_SECONDS,
  });
}

export function clearSsoCookie(reply: FastifyReply, config: ServerConfig, cookie: SsoCookie): void {
  const { name, path, sameSite } = COOKIES[cookie];
  void reply.clearCookie(name, { httpOnly: true, sameSite, secure: isSecure(config), path });
}

/** The cookie's value when it looks like one this server set; anything else counts as absent. */
export function readSsoCookie(request: FastifyRequest, cookie: SsoCookie): string | undefined {
  const value = request.cookies[COOKIES[cookie].name];
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}
