/**
 * A minimal per-conversation cookie jar: applications that keep chat state in a session cookie see
 * one continuous conversation. Attributes (path, domain) are ignored: a target is one endpoint.
 */

/** Stores the cookies of Set-Cookie headers; an expired or Max-Age=0 cookie is removed. */
export function storeSetCookies(
  jar: Map<string, string>,
  setCookie: string[] | undefined,
  now: number = Date.now(),
): void {
  for (const header of setCookie ?? []) {
    const [pair = "", ...attributes] = header.split(";");
    const equals = pair.indexOf("=");
    if (equals <= 0) continue;
    const name = pair.slice(0, equals).trim();
    const value = pair.slice(equals + 1).trim();
    if (isExpired(attributes, now)) jar.delete(name);
    else jar.set(name, value);
  }
}

function isExpired(attributes: string[], now: number): boolean {
  for (const attribute of attributes) {
    const [key = "", value = ""] = attribute.split("=", 2).map((part) => part.trim());
    if (key.toLowerCase() === "max-age" && Number(value) <= 0) return true;
    if (key.toLowerCase() === "expires" && Date.parse(value) <= now) return true;
  }
  return false;
}

/** The Cookie request header for the jar; undefined when it is empty. */
export function cookieHeader(jar: Map<string, string>): string | undefined {
  if (jar.size === 0) return undefined;
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}
