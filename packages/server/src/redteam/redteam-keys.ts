import { REDTEAM_KEY_ENV_PREFIX } from "@openaims/contracts";

/**
 * API keys for server-side scans live in the server's environment as `AIMS_REDTEAM_KEY_<NAME>`. Each
 * is usable only by the organisations in `AIMS_REDTEAM_KEY_<NAME>_ORGS` (slugs or ids, comma-separated)
 * and only towards the origins in `AIMS_REDTEAM_KEY_<NAME>_ORIGINS`, which must be among
 * AIMS_REDTEAM_TARGETS. A key missing either list is usable by nobody.
 */
export interface RedteamKeyBinding {
  /** The variable holding the key, e.g. AIMS_REDTEAM_KEY_BOT; its value is never copied here. */
  name: string;
  /** Organisation slugs or ids, lower-cased. */
  orgs: string[];
  origins: string[];
  /** Whether the key variable itself is set (a binding may outlive its key). */
  keySet: boolean;
}

const ORGS_SUFFIX = "_ORGS";
const ORIGINS_SUFFIX = "_ORIGINS";
const KEY_NAME = /^AIMS_REDTEAM_KEY_[A-Z0-9_]{1,64}$/;

/**
 * The keys and their bindings in the environment. A binding origin that is not an http(s) origin
 * listed in `allowedTargets` stops the server, naming the variable; values of keys are never read
 * beyond whether they are set.
 */
export function parseRedteamKeys(env: NodeJS.ProcessEnv, allowedTargets: readonly string[]): RedteamKeyBinding[] {
  const names = new Set<string>();
  for (const variable of Object.keys(env)) {
    if (!variable.startsWith(REDTEAM_KEY_ENV_PREFIX)) continue;
    const name = variable.replace(/_ORGS$|_ORIGINS$/, "");
    if (KEY_NAME.test(name)) names.add(name);
  }
  return [...names].sort().map((name) => ({
    name,
    orgs: listOf(env[`${name}${ORGS_SUFFIX}`]).map((org) => org.toLowerCase()),
    origins: listOf(env[`${name}${ORIGINS_SUFFIX}`]).map((entry) =>
      originOf(`${name}${ORIGINS_SUFFIX}`, entry, allowedTargets),
    ),
    keySet: Boolean(env[name]),
  }));
}

/** What the start-up log says about keys nobody can use; names variables, never values. */
export function redteamKeyWarnings(keys: readonly RedteamKeyBinding[]): string[] {
  return keys.flatMap((key) => {
    if (!key.keySet) return [`${key.name}${ORGS_SUFFIX} or ${ORIGINS_SUFFIX} is set, but ${key.name} is not: no key.`];
    const missing = [
      ...(key.orgs.length === 0 ? [`${key.name}${ORGS_SUFFIX}`] : []),
      ...(key.origins.length === 0 ? [`${key.name}${ORIGINS_SUFFIX}`] : []),
    ];
    return missing.length > 0
      ? [
          `${key.name} is usable by no organisation until ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} set.`,
        ]
      : [];
  });
}

/** The keys an organisation may choose from, with the origins each may be sent to. */
export function keysForOrganization(
  keys: readonly RedteamKeyBinding[],
  org: { id: string; slug: string },
): Array<{ name: string; origins: string[] }> {
  return keys.filter((key) => usableBy(key, org)).map((key) => ({ name: key.name, origins: [...key.origins] }));
}

/**
 * Why `org` may not send the key in `name` to `url`, or null when it may. The answer is the same
 * for a key that does not exist and for another organisation's key.
 */
export function keyRefusal(
  keys: readonly RedteamKeyBinding[],
  name: string,
  org: { id: string; slug: string },
  url: string,
): string | null {
  const key = keys.find((k) => k.name === name);
  if (!key || !usableBy(key, org)) {
    return `${name} is not a key this organisation may use; the administrator binds keys with ${name}${ORGS_SUFFIX} and ${name}${ORIGINS_SUFFIX}.`;
  }
  const origin = URL.canParse(url) ? new URL(url).origin : url;
  if (!key.origins.includes(origin)) {
    return `${name} may only be sent to ${key.origins.join(", ")}, not to ${origin}.`;
  }
  return null;
}

function usableBy(key: RedteamKeyBinding, org: { id: string; slug: string }): boolean {
  return key.keySet && key.origins.length > 0 && (key.orgs.includes(org.id) || key.orgs.includes(org.slug));
}

function listOf(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

function originOf(variable: string, entry: string, allowedTargets: readonly string[]): string {
  const url = URL.canParse(entry) ? new URL(entry) : null;
  if (!url || !/^https?:$/.test(url.protocol))
    throw new Error(`${variable}: '${entry}' is not an http:// or https:// origin`);
  if (!allowedTargets.includes(url.origin)) {
    throw new Error(`${variable}: ${url.origin} is not among AIMS_REDTEAM_TARGETS, so no scan may send this key there`);
  }
  return url.origin;
}
