/** Detectors that read how the target answered rather than what it said: oversized input, rate limits. */
import type { DetectionContext, DetectorResult } from "../model.js";
import { clip } from "./detail.js";

/** Statuses that mean "too large / malformed": the target refused the oversized input. */
const REFUSED_AS_TOO_LARGE = new Set([400, 413, 414, 422, 431]);

export function detectAcceptsOversized(ctx: DetectionContext): DetectorResult {
  const last = ctx.exchanges.at(-1);
  if (last === undefined) return { kind: "accepts_oversized", outcome: "unknown", detail: "no request was sent" };
  const status = last.httpStatus;
  const http = status === undefined ? "" : ` (HTTP ${status})`;
  if (last.ok && (status === undefined || (status >= 200 && status < 300))) {
    return { kind: "accepts_oversized", outcome: "matched", detail: `the oversized request was accepted${http}` };
  }
  if (status !== undefined && REFUSED_AS_TOO_LARGE.has(status)) {
    return { kind: "accepts_oversized", outcome: "clear", detail: `the oversized request was refused${http}` };
  }
  const why = last.error ? `${last.error.kind}: ${clip(last.error.message, 80)}` : "no clear answer";
  return { kind: "accepts_oversized", outcome: "unknown", detail: `the oversized request failed${http}, ${why}` };
}

export function detectNoRateLimit(ctx: DetectionContext): DetectorResult {
  const statuses = ctx.burstStatuses;
  if (statuses.length === 0) return { kind: "no_rate_limit", outcome: "unknown", detail: "no burst was sent" };
  const limitedAt = statuses.indexOf(429);
  if (limitedAt >= 0) {
    const detail = `rate limited at request ${limitedAt + 1} of ${statuses.length} (HTTP 429)`;
    return { kind: "no_rate_limit", outcome: "clear", detail };
  }
  if (statuses.every((status) => status >= 200 && status < 400)) {
    const detail = `all ${statuses.length} requests of the burst were served, none limited`;
    return { kind: "no_rate_limit", outcome: "matched", detail };
  }
  return { kind: "no_rate_limit", outcome: "unknown", detail: `the burst drew errors, no 429: ${summarise(statuses)}` };
}

/** "200×3, 500×2" in first-seen order; 0 stands for no response. */
function summarise(statuses: number[]): string {
  const counts = new Map<number, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${status === 0 ? "none" : status}×${count}`).join(", ");
}
