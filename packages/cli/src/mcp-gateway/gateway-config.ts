import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { policyDurationSchema } from "@openaims/contracts";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { usageError } from "../cli-error.js";

/**
 * The gateway's configuration file (YAML or JSON). Paths in it are relative to the file's folder,
 * and stdio servers run there, so `{ command: node, args: [support-tools.js] }` finds the script
 * beside the configuration wherever the gateway is started from.
 */

const serverNameSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: "must be 1-64 letters, digits, _ or -" });
const toolPrefixSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,32}$/, { message: "must be 1-32 letters, digits, _ . or -" });

const stdioServerSchema = z.strictObject({
  command: z.string().min(1).max(4096),
  args: z.array(z.string().max(4096)).max(200).default([]),
  env: z.record(z.string(), z.string().max(65_536)).default({}),
  cwd: z.string().min(1).max(4096).optional(),
  /** Put before each tool name this server offers, so two servers may offer the same name. */
  prefix: toolPrefixSchema.optional(),
});

const httpServerSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, message: "must be an http(s) address" }),
  headers: z.record(z.string(), z.string().max(8192)).default({}),
  prefix: toolPrefixSchema.optional(),
});

const upstreamSchema = z.union([stdioServerSchema, httpServerSchema], {
  error: "must be { command, args?, env?, cwd? } or { url, headers? }",
});

const listenSchema = z.union([
  z.literal("stdio"),
  z.strictObject({
    http: z.strictObject({
      host: z.string().min(1).max(255).default("127.0.0.1"),
      port: z.number().int().min(0).max(65_535),
      path: z
        .string()
        .regex(/^\/[A-Za-z0-9_./-]*$/, { message: "must start with /" })
        .default("/mcp"),
    }),
  }),
]);

/** Where a token comes from: inline, or (better) the environment variable it names. */
const tokenFields = {
  url: z.url({ protocol: /^https?$/, message: "must be an http(s) address" }),
  token: z.string().min(1).max(4096).optional(),
  token_env: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: "must be an environment variable name" })
    .optional(),
  /** The organisation's id or slug; left out, the one the token was issued for. */
  org: z.string().min(1).max(200).optional(),
  /** The agent's id or slug. */
  system: z.string().min(1).max(200),
};

const policyServerSchema = z.strictObject(tokenFields);

const policyFileSchema = z.strictObject({ file: z.string().min(1).max(4096) });
const policyFromServerSchema = z.strictObject({ server: policyServerSchema });

/**
 * `{ file }`, `{ server }` or an inline policy document (checked by compilePolicy when the gateway
 * starts, so a broken one denies everything rather than stopping the gateway).
 */
const policyChoiceSchema = z.record(z.string(), z.unknown()).superRefine((choice, context) => {
  const schema = "file" in choice ? policyFileSchema : "server" in choice ? policyFromServerSchema : null;
  if (!schema) return;
  const checked = schema.safeParse(choice);
  if (!checked.success)
    for (const issue of checked.error.issues)
      context.addIssue({ code: "custom", message: issue.message, path: issue.path });
});

const reportSchema = z.strictObject({
  ...tokenFields,
  url: tokenFields.url.optional(),
  org: tokenFields.org,
  system: tokenFields.system.optional(),
  /** JSONL file decisions wait in while the server cannot be reached. */
  buffer: z.string().min(1).max(4096).optional(),
  interval_ms: z.number().int().min(50).max(3_600_000).default(2000),
});

const approvalsSchema = z.strictObject({
  via: z
    .enum(["auto", "elicitation", "queue", "deny"], { message: "must be auto, elicitation, queue or deny" })
    .default("auto"),
  timeout: policyDurationSchema.default("10m"),
});

export const gatewayConfigSchema = z.strictObject({
  servers: z.record(serverNameSchema, upstreamSchema).refine((servers) => Object.keys(servers).length > 0, {
    message: "needs at least one server",
  }),
  listen: listenSchema.default("stdio"),
  policy: policyChoiceSchema,
  report: reportSchema.optional(),
  approvals: approvalsSchema.default({ via: "auto", timeout: "10m" }),
});
export type GatewayConfigFile = z.infer<typeof gatewayConfigSchema>;

export interface ServerConnection {
  url: string;
  token: string;
  /** Id or slug; undefined: the organisation the token was issued for. */
  org: string | undefined;
  /** Id or slug of the agent. */
  system: string;
}

export type UpstreamConfig =
  | {
      name: string;
      kind: "stdio";
      command: string;
      args: string[];
      env: Record<string, string>;
      cwd: string;
      prefix?: string;
    }
  | { name: string; kind: "http"; url: string; headers: Record<string, string>; prefix?: string };

export type PolicyConfig =
  | { kind: "inline"; document: unknown }
  | { kind: "file"; path: string }
  | { kind: "server"; server: ServerConnection };

/** The configuration with paths resolved, tokens read and defaults filled in. */
export interface GatewayConfig {
  path: string;
  servers: UpstreamConfig[];
  listen: { kind: "stdio" } | { kind: "http"; host: string; port: number; path: string };
  policy: PolicyConfig;
  report: (ServerConnection & { buffer: string; intervalMs: number }) | null;
  approvals: { via: "auto" | "elicitation" | "queue" | "deny"; timeoutMs: number };
}

/** Milliseconds in a policy duration such as 90s, 15m, 4h or 2d. */
export function durationMs(duration: string): number {
  const unit = duration.at(-1);
  const scale = unit === "s" ? 1000 : unit === "m" ? 60_000 : unit === "h" ? 3_600_000 : 86_400_000;
  return Number(duration.slice(0, -1)) * scale;
}

/** Reads, checks and resolves the configuration file; every mistake is a usage error naming its key. */
export async function loadGatewayConfig(path: string, env: NodeJS.ProcessEnv): Promise<GatewayConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw usageError(`--config: cannot read ${path}.`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw usageError(`--config: ${path} is not YAML or JSON (${(error as Error).message.split("\n")[0]}).`);
  }
  const checked = gatewayConfigSchema.safeParse(raw);
  if (!checked.success) {
    const lines = checked.error.issues
      .slice(0, 20)
      .map((issue) => `  ${issue.path.join(".") || "(top)"}: ${issue.message}`);
    throw usageError(`--config: ${path} has mistakes; the gateway did not start.\n${lines.join("\n")}`);
  }
  return resolveGatewayConfig(checked.data, path, env);
}

function connection(
  fields: { url?: string; token?: string; token_env?: string; org?: string; system?: string },
  key: string,
  env: NodeJS.ProcessEnv,
  fallback: ServerConnection | null,
): ServerConnection {
  const token = fields.token ?? (fields.token_env ? env[fields.token_env]?.trim() : undefined) ?? fallback?.token;
  if (fields.token_env && !env[fields.token_env]?.trim())
    throw usageError(`--config: ${key}.token_env names ${fields.token_env}, which is not set.`);
  const url = fields.url ?? fallback?.url;
  const org = fields.org ?? fallback?.org;
  const system = fields.system ?? fallback?.system;
  if (!url) throw usageError(`--config: ${key}.url is required.`);
  if (!token) throw usageError(`--config: ${key}.token or ${key}.token_env is required.`);
  if (!system) throw usageError(`--config: ${key}.system is required.`);
  return { url: url.replace(/\/+$/, ""), token, org, system };
}

export function resolveGatewayConfig(file: GatewayConfigFile, path: string, env: NodeJS.ProcessEnv): GatewayConfig {
  const folder = dirname(resolve(path));
  const servers: UpstreamConfig[] = Object.entries(file.servers).map(([name, server]) =>
    "command" in server
      ? {
          name,
          kind: "stdio",
          command: server.command,
          args: server.args,
          env: server.env,
          cwd: resolve(folder, server.cwd ?? "."),
          ...(server.prefix ? { prefix: server.prefix } : {}),
        }
      : {
          name,
          kind: "http",
          url: server.url,
          headers: server.headers,
          ...(server.prefix ? { prefix: server.prefix } : {}),
        },
  );
  const listen =
    file.listen === "stdio" ? ({ kind: "stdio" } as const) : ({ kind: "http", ...file.listen.http } as const);
  const choice = file.policy;
  let policy: PolicyConfig;
  if ("file" in choice) policy = { kind: "file", path: resolve(folder, policyFileSchema.parse(choice).file) };
  else if ("server" in choice)
    policy = {
      kind: "server",
      server: connection(policyFromServerSchema.parse(choice).server, "policy.server", env, null),
    };
  else policy = { kind: "inline", document: choice };
  const policyServer = policy.kind === "server" ? policy.server : null;
  let report: GatewayConfig["report"] = null;
  if (file.report || policyServer) {
    const fields = file.report ?? { interval_ms: 2000 };
    report = {
      ...connection(fields, "report", env, policyServer),
      buffer: resolve(folder, fields.buffer ?? ".aims-gateway-decisions.jsonl"),
      intervalMs: fields.interval_ms,
    };
  }
  return {
    path: resolve(path),
    servers,
    listen,
    policy,
    report,
    approvals: { via: file.approvals.via, timeoutMs: durationMs(file.approvals.timeout) },
  };
}
