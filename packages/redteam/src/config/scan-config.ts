/**
 * The scan configuration: a YAML or JSON file, or the quick-start flags. Validation messages name
 * the offending key by its path ("target.url: …") so a person can fix the file.
 */
import { z } from "zod";
import { categorySchema, severitySchema } from "../model.js";
import { targetConfigSchema } from "../targets/target-config.js";

export const reportFormats = ["json", "sarif", "junit", "html"] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const judgeConfigSchema = z.strictObject({
  /** Base URL of an OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1. */
  url: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }),
  model: z.string().min(1),
  /** Name of the environment variable holding the bearer key, if the endpoint needs one. */
  apiKeyEnv: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an environment variable name")
    .optional(),
  timeoutMs: z.number().int().positive().default(60_000),
});
export type JudgeConfig = z.infer<typeof judgeConfigSchema>;

export const scanConfigSchema = z.strictObject({
  target: targetConfigSchema,
  /** Probe packs: "default" for the built-in pack, or paths to pack files (relative to the config file). */
  packs: z.array(z.string().min(1)).min(1).default(["default"]),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(1),
  /** Test cases in flight at once. */
  concurrency: z.number().int().min(1).max(256).default(8),
  /** Only these categories / probe ids (default: all). */
  categories: z.array(categorySchema).optional(),
  probes: z.array(z.string()).optional(),
  /** Only probes at or above this severity. */
  minSeverity: severitySchema.optional(),
  /** Run the encoded variants listed by each probe (default) or only the plain ones. */
  variants: z.boolean().default(true),
  /** Run the plan this many times with fresh canaries each time (load and stability testing). */
  repeat: z.number().int().min(1).max(1000).default(1),
  /** Stop after this many cases (applied after `repeat`). */
  maxCases: z.number().int().positive().optional(),
  /** Optional LLM judge, only for probes whose detectors ask for judgement. */
  judge: judgeConfigSchema.optional(),
  /** Abort the run after this many consecutive cases fail to reach the target. */
  stopAfterConsecutiveFailures: z.number().int().min(1).default(10),
});
export type ScanConfig = z.infer<typeof scanConfigSchema>;
export type ScanConfigInput = z.input<typeof scanConfigSchema>;

/** A configuration that failed validation; `issues` are "path: message" lines. */
export class ScanConfigError extends Error {
  constructor(
    readonly issues: string[],
    source: string,
  ) {
    super(`${source} is not a valid scan configuration:\n${issues.map((line) => `  - ${line}`).join("\n")}`);
    this.name = "ScanConfigError";
  }
}

/** Validates parsed configuration data, throwing ScanConfigError that names each bad key. */
export function parseScanConfig(input: unknown, source = "The configuration"): ScanConfig {
  const parsed = scanConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ScanConfigError(parsed.error.issues.map(describeIssue), source);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((key) => (path ? `${path}.${key}` : key));
    return `${keys.join(", ")}: unknown key${keys.length > 1 ? "s" : ""}`;
  }
  return `${path || "(top level)"}: ${issue.message}`;
}
