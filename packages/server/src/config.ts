import type { Writable } from "node:stream";
import { parseTrustProxy, type TrustProxy } from "./http/trust-proxy.js";
import { parseAllowedOrigins } from "./redteam/allowed-targets.js";
import { parseRedteamKeys, type RedteamKeyBinding } from "./redteam/redteam-keys.js";
import { parseSecretKey } from "./secrets/secret-box.js";

export interface ServerConfig {
  /** The address to listen on: loopback only unless AIMS_HOST or --host says otherwise. */
  host: string;
  port: number;
  /** The address people reach the server at; https here turns on Secure cookies and HSTS. */
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Built web UI to serve on the same port; absent serves the API only. */
  webDir: string | undefined;
  /**
   * AIMS_LOG_LEVEL: "warn" by default (warnings and errors only); "info" adds one access line per
   * request and the start-up notes; "debug" and "trace" add more; "silent" turns logs off.
   */
  logLevel: string;
  /** Where JSON logs go (stdout by default). */
  logStream?: Writable;
  sessionTtlHours: number;
  /** SMTP URL such as smtp://user:pass@host:587; absent means invitation links are shown, not mailed. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Proxies whose X-Forwarded-For is believed (AIMS_TRUST_PROXY): none, or those listed by address. */
  trustProxy: TrustProxy;
  bodyLimitBytes: number;
  /** Origins server-side red-team scans may target (AIMS_REDTEAM_TARGETS); empty turns them off. */
  redteamTargets: string[];
  /** The AIMS_REDTEAM_KEY_* variables and the organisations and origins each is bound to (never the values). */
  redteamKeys: RedteamKeyBinding[];
  /**
   * AIMS_SECRET_KEY, which seals stored secrets (identity-provider client secrets); absent means the
   * key file in the data directory, generated on first start unless DATABASE_URL is set.
   */
  secretKey: Buffer | undefined;
  /**
   * AIMS_WEBHOOK_ALLOW_PRIVATE=1 lets webhooks target loopback and private addresses; off by default,
   * so that a webhook cannot be pointed at services inside the network.
   */
  webhooksAllowPrivate: boolean;
  /** How often an idle server looks for jobs that are due, in milliseconds (AIMS_JOB_POLL_MS). */
  jobPollMs: number;
  /**
   * How long a claimed job stays with its worker before another server may take it over, in
   * milliseconds (AIMS_JOB_LEASE_MS): the time after a crash before its work is picked up again.
   * A running worker renews the lease, so a long job is not taken from a live server.
   */
  jobLeaseMs: number;
  /**
   * Whether this server runs scheduled work (reminders, sweeps, e-mail and webhook delivery).
   * AIMS_JOBS=off makes a server that only answers requests; at least one server on the database must
   * run jobs, or reminders wait until one does.
   */
  jobsEnabled: boolean;
  /** Largest OTLP batch the telemetry intake takes, in bytes, before and after gzip (AIMS_OTLP_MAX_BYTES); larger answers 413. */
  otlpMaxBytes: number;
  /** Spans (or metric data points) per second one API token may send to the intake (AIMS_OTLP_SPANS_PER_SECOND); more answers 429. */
  otlpSpansPerSecond: number;
  /** How often the intake writes its rollups and telemetry metric observations, in milliseconds (AIMS_OTLP_FLUSH_MS). */
  otlpFlushMs: number;
  /** Largest model file a server-side model scan takes, in bytes (AIMS_MODEL_UPLOAD_MAX_BYTES); larger answers 413. */
  modelUploadMaxBytes: number;
}

/** The levels AIMS_LOG_LEVEL accepts, quietest last. */
export const logLevels = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];

export const defaultConfig: ServerConfig = {
  host: "127.0.0.1",
  port: 8080,
  publicUrl: "http://localhost:8080",
  dataDir: ".aims",
  databaseUrl: undefined,
  webDir: undefined,
  logLevel: "warn",
  sessionTtlHours: 12,
  smtpUrl: undefined,
  mailFrom: "OpenAIMS <no-reply@localhost>",
  trustProxy: false,
  bodyLimitBytes: 1024 * 1024,
  redteamTargets: [],
  redteamKeys: [],
  secretKey: undefined,
  webhooksAllowPrivate: false,
  jobPollMs: 1000,
  jobLeaseMs: 60_000,
  jobsEnabled: true,
  otlpMaxBytes: 8 * 1024 * 1024,
  otlpSpansPerSecond: 100_000,
  otlpFlushMs: 1000,
  modelUploadMaxBytes: 512 * 1024 * 1024,
};

/** Reads settings from the environment over the defaults; command-line flags override afterwards. */
export function configFromEnv(env: NodeJS.ProcessEnv, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const port = overrides.port ?? (env.PORT ? Number.parseInt(env.PORT, 10) : defaultConfig.port);
  const redteamTargets = overrides.redteamTargets ?? parseAllowedOrigins(env.AIMS_REDTEAM_TARGETS);
  const merged: ServerConfig = {
    ...defaultConfig,
    host: env.AIMS_HOST?.trim() || defaultConfig.host,
    port,
    publicUrl: env.AIMS_PUBLIC_URL ?? `http://localhost:${port}`,
    dataDir: env.AIMS_DATA_DIR ?? defaultConfig.dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.AIMS_LOG_LEVEL?.trim().toLowerCase() || defaultConfig.logLevel,
    sessionTtlHours: env.AIMS_SESSION_TTL_HOURS ? Number(env.AIMS_SESSION_TTL_HOURS) : defaultConfig.sessionTtlHours,
    smtpUrl: env.AIMS_SMTP_URL || undefined,
    mailFrom: env.AIMS_MAIL_FROM ?? defaultConfig.mailFrom,
    trustProxy: parseTrustProxy(env.AIMS_TRUST_PROXY),
    redteamTargets,
    redteamKeys: parseRedteamKeys(env, redteamTargets),
    secretKey: env.AIMS_SECRET_KEY ? parseSecretKey(env.AIMS_SECRET_KEY, "AIMS_SECRET_KEY") : undefined,
    webhooksAllowPrivate: ["1", "true", "yes"].includes((env.AIMS_WEBHOOK_ALLOW_PRIVATE ?? "").trim().toLowerCase()),
    jobPollMs: env.AIMS_JOB_POLL_MS ? Number(env.AIMS_JOB_POLL_MS) : defaultConfig.jobPollMs,
    jobLeaseMs: env.AIMS_JOB_LEASE_MS ? Number(env.AIMS_JOB_LEASE_MS) : defaultConfig.jobLeaseMs,
    jobsEnabled: !["0", "false", "no", "off"].includes((env.AIMS_JOBS ?? "").trim().toLowerCase()),
    otlpMaxBytes: env.AIMS_OTLP_MAX_BYTES ? Number(env.AIMS_OTLP_MAX_BYTES) : defaultConfig.otlpMaxBytes,
    otlpSpansPerSecond: env.AIMS_OTLP_SPANS_PER_SECOND
      ? Number(env.AIMS_OTLP_SPANS_PER_SECOND)
      : defaultConfig.otlpSpansPerSecond,
    otlpFlushMs: env.AIMS_OTLP_FLUSH_MS ? Number(env.AIMS_OTLP_FLUSH_MS) : defaultConfig.otlpFlushMs,
    modelUploadMaxBytes: env.AIMS_MODEL_UPLOAD_MAX_BYTES
      ? Number(env.AIMS_MODEL_UPLOAD_MAX_BYTES)
      : defaultConfig.modelUploadMaxBytes,
    ...overrides,
  };
  if (!logLevels.includes(merged.logLevel)) {
    throw new Error(`AIMS_LOG_LEVEL must be one of ${logLevels.join(", ")}, got '${merged.logLevel}'`);
  }
  if (!Number.isInteger(merged.port) || merged.port < 0 || merged.port > 65535) {
    throw new Error(`PORT must be a TCP port number, got '${String(merged.port)}'`);
  }
  for (const [name, value, least] of [
    ["AIMS_OTLP_MAX_BYTES", merged.otlpMaxBytes, 1024],
    ["AIMS_OTLP_SPANS_PER_SECOND", merged.otlpSpansPerSecond, 1],
    ["AIMS_OTLP_FLUSH_MS", merged.otlpFlushMs, 50],
    ["AIMS_MODEL_UPLOAD_MAX_BYTES", merged.modelUploadMaxBytes, 1024],
  ] as const) {
    if (!Number.isFinite(value) || value < least)
      throw new Error(`${name} must be a number of at least ${least}, got '${String(value)}'`);
  }
  if (!Number.isFinite(merged.jobPollMs) || merged.jobPollMs < 10) {
    throw new Error(
      `AIMS_JOB_POLL_MS must be a number of milliseconds of at least 10, got '${String(merged.jobPollMs)}'`,
    );
  }
  if (!Number.isFinite(merged.jobLeaseMs) || merged.jobLeaseMs < 1000) {
    throw new Error(
      `AIMS_JOB_LEASE_MS must be a number of milliseconds of at least 1000, got '${String(merged.jobLeaseMs)}'`,
    );
  }
  new URL(merged.publicUrl);
  return merged;
}

export function isSecure(config: ServerConfig): boolean {
  return config.publicUrl.startsWith("https://");
}
