/**
 * How a scan reaches the application under test: an OpenAI-compatible chat endpoint, any JSON HTTP
 * endpoint described by a body template and selectors, or a local program spoken to over stdin/stdout.
 * These schemas are the only definition of the configuration; the types are inferred from them.
 */
import { z } from "zod";
import { splitCommandLine } from "./command-line.js";
import { isSelector } from "./json-selector.js";

/** Values may contain `${env:NAME}`, resolved from the environment when the target is created. */
const templatedString = z.string().max(8192);
const headersSchema = z
  .record(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$/), templatedString, {
    error: (issue) => (issue.code === "invalid_key" ? "is not a valid HTTP header name" : undefined),
  })
  .default({});

const httpUrl = z
  .string()
  .max(2048)
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: "must be an http:// or https:// URL",
  });

const selector = z
  .string()
  .max(256)
  .refine(isSelector, { message: "must be a dotted path like choices.0.message.content" });

/** Keys every target kind shares. */
const commonShape = {
  /** The whole exchange, reading the reply included. */
  timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
  /** Extra attempts after a timeout, a network error, a 429 or a 5xx. */
  retries: z.number().int().min(0).max(10).default(2),
  requestsPerMinute: z.number().int().min(1).max(100_000).optional(),
  /** Replies longer than this are cut (and marked truncated), not rejected. */
  maxReplyBytes: z
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
  /** Values the application must never reveal (name → value; `${env:NAME}` allowed). */
  secrets: z.record(z.string().max(128), templatedString).default({}),
  /** Records that belong to another identity, for authorization probes' {{object:NAME}}. */
  objects: z.record(z.string().max(128), z.union([z.string().max(8192), z.number()]).transform(String)).default({}),
};

export const openAiTargetSchema = z.strictObject({
  type: z.literal("openai"),
  /** Base URL such as http://127.0.0.1:8000/v1; requests go to `${url}/chat/completions`. */
  url: httpUrl,
  model: z.string().trim().min(1).max(256),
  /** Name of the environment variable holding the bearer key. */
  apiKeyEnv: z.string().max(256).optional(),
  headers: headersSchema,
  temperature: z.number().min(0).max(2).default(0),
  maxTokens: z.number().int().positive().max(1_000_000).optional(),
  stream: z.literal(false, { message: "must be false (streamed replies are not supported)" }).optional(),
  ...commonShape,
});

const identitySchema = z.strictObject({ headers: headersSchema });

export const httpTargetSchema = z.strictObject({
  type: z.literal("http"),
  url: httpUrl,
  method: z.enum(["POST", "PUT", "PATCH"]).default("POST"),
  /**
   * JSON template: a string exactly "{{message}}" becomes the last user turn, "{{messages}}" the
   * conversation as [{role, content}], "{{session}}" the captured session value; other strings may
   * contain {{message}} and {{session}} inline.
   */
  body: z.unknown().default({ message: "{{message}}" }),
  headers: headersSchema,
  /** Where the reply text is in the JSON reply; without it a text or JSON-string body is the reply. */
  reply: selector.optional(),
  /** Where the application reports the tool calls it made; without it there is no trace. */
  toolTrace: z
    .strictObject({
      path: selector,
      name: selector.default("name"),
      arguments: selector.default("arguments"),
      /** Each entry's tool result, read for a policy denial (the gateway's or the guard's): the call is then blocked. */
      result: selector.optional(),
    })
    .optional(),
  /** Two users for authorization probes; their headers are merged over `headers`. */
  identities: z.strictObject({ primary: identitySchema, secondary: identitySchema }).optional(),
  session: z
    .strictObject({
      /** Keep Set-Cookie values for the rest of the conversation. */
      cookies: z.boolean().default(true),
      /** Capture a session id from the reply for "{{session}}". */
      fromReply: selector.optional(),
    })
    .default({ cookies: true }),
  ...commonShape,
});

export const commandTargetSchema = z.strictObject({
  type: z.literal("command"),
  command: z.string().trim().min(1).max(1024),
  args: z.array(z.string().max(8192)).max(256).default([]),
  cwd: z.string().max(4096).optional(),
  /** Added to the scanner's environment; values may use `${env:NAME}`. */
  env: z
    .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), templatedString, {
      error: (issue) => (issue.code === "invalid_key" ? "is not a valid environment variable name" : undefined),
    })
    .default({}),
  /** The program reports its tool calls (`toolCalls` in its JSON output). */
  toolTrace: z.boolean().default(false),
  ...commonShape,
});

export const targetConfigSchema = z.discriminatedUnion(
  "type",
  [openAiTargetSchema, httpTargetSchema, commandTargetSchema],
  {
    error: (issue) => (issue.code === "invalid_union" ? "must be openai, http or command" : undefined),
  },
);

export type TargetConfig = z.output<typeof targetConfigSchema>;
export type TargetConfigInput = z.input<typeof targetConfigSchema>;
export type OpenAiTargetConfig = z.output<typeof openAiTargetSchema>;
export type HttpTargetConfig = z.output<typeof httpTargetSchema>;
export type CommandTargetConfig = z.output<typeof commandTargetSchema>;

/** A target configuration that cannot be used; the message names the key. */
export class TargetConfigError extends Error {
  override readonly name = "TargetConfigError";
}

/** Validates a target configuration, throwing one error that lists every bad key. */
export function parseTargetConfig(input: unknown): TargetConfig {
  const parsed = targetConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const key = issue.path.map(String).join(".");
    return key ? `${key}: ${issue.message}` : issue.message;
  });
  throw new TargetConfigError(`invalid target: ${lines.join("; ")}`);
}

const usage =
  "a target must look like openai:http://127.0.0.1:8000/v1, http:http://127.0.0.1:3000/chat or command:node app.js";

/** The quick-start form of a target: `openai:URL` (with a model), `http:URL` or `command:PROGRAM ARGS`. */
export function parseTargetShorthand(spec: string, options: { model?: string } = {}): TargetConfig {
  const colon = spec.indexOf(":");
  const kind = colon < 0 ? "" : spec.slice(0, colon);
  const rest = spec.slice(colon + 1).trim();
  if (!rest) throw new TargetConfigError(usage);
  switch (kind) {
    case "openai":
      if (!options.model?.trim()) {
        throw new TargetConfigError(`openai targets need a model name (for example --model llama3.1) for ${rest}`);
      }
      return parseTargetConfig({ type: "openai", url: rest, model: options.model.trim() });
    case "http":
      return parseTargetConfig({ type: "http", url: rest, body: { message: "{{message}}" }, reply: "reply" });
    case "command": {
      let words: string[];
      try {
        words = splitCommandLine(rest);
      } catch (error) {
        throw new TargetConfigError(`command target: ${(error as Error).message}`);
      }
      const [command = "", ...args] = words;
      return parseTargetConfig({ type: "command", command, args });
    }
    default:
      throw new TargetConfigError(`${usage} (got "${spec}")`);
  }
}
