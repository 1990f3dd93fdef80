/** Query parameters whose values are secrets and never reach a log line. */
const SECRET_PARAMS = /([?&](?:token|code|state|secret|password|setupCode)=)[^&#]*/gi;

/**
 * Paths whose last segment is a secret: the public page of an anonymous concern link, and an agent
 * approval link (its page and its API route).
 */
const SECRET_PATHS = /^(\/concern\/|\/approve\/|\/api\/v1\/agent-approval-links\/)[^/?#]+/i;

export function redactUrl(url: string): string {
  return url.replace(SECRET_PATHS, "$1[redacted]").replace(SECRET_PARAMS, "$1[redacted]");
}

/** Paths pino removes from every log object. */
export const redactPaths = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  "*.password",
  "*.newPassword",
  "*.currentPassword",
  "*.secret",
  "*.clientSecret",
  "*.token",
  "*.setupCode",
];
