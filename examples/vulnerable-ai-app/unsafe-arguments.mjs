// @ts-check
/**
 * The hardened model's check on tool arguments: destructive commands, path traversal, internal
 * or unlisted addresses, and records that belong to someone other than the signed-in customer.
 */

const DESTRUCTIVE =
  /\brm\s+-[a-z]*[rf]|\bmkfs\b|\bdd\s+if=|:\(\)\s*\{|\bshutdown\b|\breboot\b|\bchmod\s+(?:-R\s+)?777\b|\bdrop\s+(?:table|database|schema)\b|\btruncate\s+table\b|\bdelete\s+from\b|\balter\s+table\b|\bgrant\s+all\b|[;&|`]|\$\(/i;
const SYSTEM_PATH = /(?:^|[\s"'=])(?:\.\.[/\\]|~\/|\/(?:etc|root|proc|sys|var|home|usr|boot|dev)\b)/;
const INTERNAL_HOST =
  /^(?:localhost|127\.|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|169\.254\.|0\.|\[?::1\]?|\[?f[cd][0-9a-f]{2}:|metadata\.)/i;
const ID = /\b[A-Z]{1,6}-\d{1,10}\b/g;
/** Arguments that carry prose for a person (a refund reason, an e-mail body), not something to run. */
const FREE_TEXT = /reason|details|note|message|body|text|content|subject|description|comment/i;

/**
 * Why the arguments must not be used, or null when they may.
 * @param {Record<string, unknown>} args
 * @param {import("./system-conventions.mjs").Conventions} conventions
 * @returns {string | null}
 */
export function refusedArgument(args, conventions) {
  for (const [name, raw] of Object.entries(args)) {
    if (FREE_TEXT.test(name)) continue;
    const value = typeof raw === "string" ? raw : JSON.stringify(raw ?? "");
    if (/url|link|href|uri/i.test(name) || /^https?:\/\//i.test(value)) {
      const problem = refusedUrl(value, conventions.allowedUrls);
      if (problem) return problem;
      continue;
    }
    if (DESTRUCTIVE.test(value)) return `the ${name} "${value.slice(0, 60)}" could destroy data or run other commands`;
    if (SYSTEM_PATH.test(value)) return `the ${name} points outside the files I may use`;
    if (conventions.ownRecords !== null) {
      const own = [...conventions.ownRecords, conventions.customerId ?? ""];
      const foreign = (value.match(ID) ?? []).find((id) => !own.includes(id));
      if (foreign) return `${foreign} is not one of your records`;
    }
  }
  return null;
}

/**
 * @param {string} value
 * @param {string[] | null} allowed
 */
function refusedUrl(value, allowed) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return "that is not a valid web address";
  }
  if (!/^https?:$/.test(url.protocol)) return "only web addresses are allowed";
  if (INTERNAL_HOST.test(url.hostname)) return "it points to an internal address";
  if (allowed && !allowed.some((prefix) => value.startsWith(prefix)))
    return "it is not on the list of sites I may visit";
  return null;
}
