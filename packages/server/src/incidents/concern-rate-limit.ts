import { createHash } from "node:crypto";
import { signinClientKey } from "../auth/signin-client-key.js";
import { AppError } from "../http/app-error.js";

/** Anonymous reports one client may send per window. */
export const ANONYMOUS_REPORTS_PER_WINDOW = 5;
export const ANONYMOUS_REPORT_WINDOW_MS = 60 * 60_000;
/** Clients remembered at most; the oldest are forgotten first, so memory stays bounded. */
const MAX_CLIENTS = 10_000;

/**
 * Counts anonymous concern reports per client in this server's memory, keyed by a hash of the
 * client's network (never the address). Unlike sign-in attempts these are deliberately not written to
 * the database: a stored trace of who sent a report at what time would undo the anonymity the link
 * promises. With several servers each holds its own count.
 */
export class AnonymousReportLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly limit = ANONYMOUS_REPORTS_PER_WINDOW,
    private readonly windowMs = ANONYMOUS_REPORT_WINDOW_MS,
  ) {}

  /** Counts one report from this address; false when the client is over its limit. */
  allow(ip: string, now = Date.now()): boolean {
    const key = createHash("sha256").update(signinClientKey(ip)).digest("hex");
    const recent = (this.sent.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.sent.set(key, recent);
      return false;
    }
    recent.push(now);
    this.sent.delete(key);
    this.sent.set(key, recent);
    if (this.sent.size > MAX_CLIENTS) {
      const oldest = this.sent.keys().next().value;
      if (oldest !== undefined) this.sent.delete(oldest);
    }
    return true;
  }
}

const limiter = new AnonymousReportLimiter();

/** Refuses the report with 429 when this client has sent too many anonymous reports lately. */
export function countAnonymousReport(ip: string): void {
  if (!limiter.allow(ip)) {
    throw new AppError(
      "rate_limited",
      "Too many reports from your network in the last hour. Wait an hour and send it again.",
    );
  }
}
