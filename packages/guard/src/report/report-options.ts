import { AGENT_DECISION_REPORT_MAX_DECISIONS } from "@openaims/contracts";

/** Where and how a guard reports its decisions and screenings to an OpenAIMS server. */
export interface ReportOptions {
  /** The server's address, e.g. https://aims.example.com. */
  url: string;
  /** An API token of the organisation with the agent_actions.decide permission. */
  token: string;
  /** The organisation's id. */
  org: string;
  /** The AI system (the agent) the decisions belong to. */
  system: string;
  /** Most decisions and screenings sent in one request (default 200, at most 1000). */
  batchSize?: number;
  /** How long a report waits for more before it is sent, in ms (default 5000). */
  intervalMs?: number;
  /** Most reports kept while the server cannot be reached; beyond it the oldest are dropped and counted (default 10,000). */
  maxQueue?: number;
  /** How long one request may take, in ms (default 10,000). */
  timeoutMs?: number;
  /** Longest wait between retries, in ms (default 60,000). */
  maxBackoffMs?: number;
  /** The fetch to send with (default the global fetch), e.g. one that goes through a proxy. */
  fetch?: typeof fetch;
}

export interface ReportSettings {
  endpoint: string;
  token: string;
  batchSize: number;
  intervalMs: number;
  maxQueue: number;
  timeoutMs: number;
  maxBackoffMs: number;
  fetch: typeof fetch;
}

export function reportSettings(options: ReportOptions): ReportSettings {
  const problems: string[] = [];
  let base = "";
  try {
    const url = new URL(options.url);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http");
    base = url.href.replace(/\/+$/, "");
  } catch {
    problems.push("report.url must be an http or https address");
  }
  for (const key of ["token", "org", "system"] as const) {
    if (typeof options[key] !== "string" || options[key].trim() === "") problems.push(`report.${key} is required`);
  }
  const whole = (name: string, value: number | undefined, fallback: number, min: number, max: number) => {
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`report.${name} must be a whole number from ${min} to ${max}`);
    }
    return value;
  };
  const settings: ReportSettings = {
    endpoint: `${base}/api/v1/orgs/${encodeURIComponent(options.org)}/agents/${encodeURIComponent(options.system)}/decision-reports`,
    token: options.token,
    batchSize: whole("batchSize", options.batchSize, 200, 1, AGENT_DECISION_REPORT_MAX_DECISIONS),
    intervalMs: whole("intervalMs", options.intervalMs, 5000, 0, 3_600_000),
    maxQueue: whole("maxQueue", options.maxQueue, 10_000, 1, 10_000_000),
    timeoutMs: whole("timeoutMs", options.timeoutMs, 10_000, 1, 600_000),
    maxBackoffMs: whole("maxBackoffMs", options.maxBackoffMs, 60_000, 1, 3_600_000),
    fetch: options.fetch ?? fetch,
  };
  if (problems.length > 0) throw new TypeError(`Invalid guard options: ${problems.join("; ")}.`);
  return settings;
}
