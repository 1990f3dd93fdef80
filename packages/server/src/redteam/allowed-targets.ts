/**
 * Server-side scans send attack traffic from the server, so they only go to origins the administrator
 * listed in AIMS_REDTEAM_TARGETS (comma-separated, e.g. `http://127.0.0.1:8000,https://bot.internal`).
 */

/** The origins of a comma-separated list; an entry that is not an http(s) URL stops the server with its name. */
export function parseAllowedOrigins(raw: string | undefined): string[] {
  if (!raw?.trim()) return [];
  const origins = raw
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const url = URL.canParse(entry) ? new URL(entry) : null;
      if (!url || !/^https?:$/.test(url.protocol)) {
        throw new Error(`AIMS_REDTEAM_TARGETS: '${entry}' is not an http:// or https:// origin`);
      }
      return url.origin;
    });
  return [...new Set(origins)];
}

/** Why a target address may not be scanned from this server, or null when its origin is allowed. */
export function targetRefusal(url: string, allowedOrigins: readonly string[]): string | null {
  if (allowedOrigins.length === 0) {
    return "Server-side scans are turned off: the administrator has not set AIMS_REDTEAM_TARGETS. Run `aims redteam` and upload its summary instead.";
  }
  const origin = URL.canParse(url) ? new URL(url).origin : null;
  if (!origin || !allowedOrigins.includes(origin)) {
    return `${origin ?? url} is not among the origins this server may scan (AIMS_REDTEAM_TARGETS: ${allowedOrigins.join(", ")}).`;
  }
  return null;
}
