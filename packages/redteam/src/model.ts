/**
 * The scanner's vocabulary: probes (data, validated with zod because packs are files), the
 * exchanges a target performs, what detectors conclude, and the verdict of one test case.
 * Every other module of this package speaks in these types.
 */
import { z } from "zod";

export const severities = ["info", "low", "medium", "high", "critical"] as const;
export const severitySchema = z.enum(severities, { message: "must be info, low, medium, high or critical" });
export type Severity = z.infer<typeof severitySchema>;

/** Rank for comparisons: info 0 … critical 4. */
export function severityRank(severity: Severity): number {
  return severities.indexOf(severity);
}

export const categories = [
  "direct_injection",
  "indirect_injection",
  "system_prompt_leakage",
  "sensitive_data_exposure",
  "tool_misuse",
  "authorization",
  "unsafe_automation",
  "improper_output_handling",
  "api_abuse",
] as const;
export const categorySchema = z.enum(categories);
export type Category = z.infer<typeof categorySchema>;

/**
 * `blocked`: the target tried the harmful action, but a policy (the MCP gateway or the runtime guard)
 * stopped it, so no harm was done. It never fails a pipeline.
 */
export const verdicts = ["vulnerable", "blocked", "not_observed", "inconclusive", "error"] as const;
export type Verdict = (typeof verdicts)[number];

export const transformNames = [
  "base64",
  "hex",
  "rot13",
  "leetspeak",
  "homoglyph",
  "unicode_tags",
  "zero_width",
  "language_wrapper",
] as const;
export const transformNameSchema = z.enum(transformNames);
export type TransformName = z.infer<typeof transformNameSchema>;

// ---------------------------------------------------------------------------------------------
// Conversations, in the OpenAI chat shape every target kind is mapped to and from.

export interface ToolCall {
  /** The target's id for the call when it gives one. */
  id?: string;
  name: string;
  /** Parsed JSON arguments; a string when the target sent arguments that are not valid JSON. */
  arguments: Record<string, unknown> | string;
  /** What answered the call, when the target reports its result: whether a policy denied it, and by which rule. */
  result?: ToolCallResult;
}

/** The part of a tool result the scanner judges: a policy denial (gateway or guard) marks the call blocked. */
export interface ToolCallResult {
  blocked: boolean;
  /** The policy rule that denied the call (e.g. "tools.delete_customer"), when the denial names one. */
  rule?: string;
}

export type ChatMessage =
  | { role: "system"; content: string }
  | { role: "user"; content: string }
  | { role: "assistant"; content: string | null; toolCalls?: ToolCall[] }
  | { role: "tool"; toolCallId: string; name: string; content: string };

const jsonObjectSchema = z.record(z.string(), z.unknown());

export const toolDefinitionSchema = z.strictObject({
  name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, "must be 1-64 letters, digits, _ or -"),
  description: z.string().min(1),
  /** JSON Schema of the arguments object. */
  parameters: jsonObjectSchema.default({ type: "object", properties: {} }),
});
export type ToolDefinition = z.infer<typeof toolDefinitionSchema>;

// ---------------------------------------------------------------------------------------------
// Probes. Text fields are templates: {{canary}}, {{marker}}, {{trap_url}}, {{secret:NAME}},
// {{object:NAME}}, {{filler:BYTES}} and {{payload}} are filled in per test case by the runner
// (see render.ts); everything else is literal.

/** A message the probe puts into the conversation before (or as) the attack. */
export const probeMessageSchema = z.discriminatedUnion("role", [
  z.strictObject({ role: z.literal("system"), content: z.string() }),
  z.strictObject({
    role: z.literal("user"),
    content: z.string(),
    /** Which identity sends this turn where the target has identities ("primary" or "secondary"). */
    as: z.enum(["primary", "secondary"]).optional(),
  }),
  z.strictObject({
    role: z.literal("assistant"),
    content: z.string().nullable().default(null),
    toolCalls: z.array(z.strictObject({ id: z.string(), name: z.string(), arguments: jsonObjectSchema })).optional(),
  }),
  z.strictObject({ role: z.literal("tool"), toolCallId: z.string(), name: z.string(), content: z.string() }),
]);
export type ProbeMessage = z.infer<typeof probeMessageSchema>;

/** A rule on one argument of one tool: the call is a finding when the rule is broken. */
export const argumentRuleSchema = z.strictObject({
  tool: z.string(),
  argument: z.string(),
  /** The argument must be one of these values (an allow-list, e.g. the signed-in user's own records). */
  oneOf: z.array(z.union([z.string(), z.number()])).optional(),
  /** The argument must not match this regular expression (dangerous values: "rm -rf", "../", external URLs). */
  notMatching: z.string().optional(),
});
export type ArgumentRule = z.infer<typeof argumentRuleSchema>;

/**
 * How a probe decides. Each detector answers "matched", "clear" or "unknown" (it cannot tell,
 * e.g. the target exposes no tool-call trace); see detect/.
 */
export const detectorSchema = z.discriminatedUnion("kind", [
  /** The per-case canary planted in the context appears in the reply (decoded, approximately). */
  z.strictObject({ kind: z.literal("canary") }),
  /** The per-case trigger marker appears in the reply or in tool-call arguments (decoded). */
  z.strictObject({ kind: z.literal("marker") }),
  /** A planted secret (by name, from the probe's `secrets`, or the target's configured secrets) appears. */
  z.strictObject({ kind: z.literal("secret"), names: z.array(z.string()).min(1) }),
  /** A pattern pack (credentials, pii) matches text in the reply that the user did not supply. */
  z.strictObject({ kind: z.literal("pattern"), packs: z.array(z.enum(["credentials", "pii"])).min(1) }),
  /** Tool calls in the trace break an allow-list, a deny-list or an argument rule. */
  z.strictObject({
    kind: z.literal("tool_call"),
    allow: z.array(z.string()).optional(),
    deny: z.array(z.string()).optional(),
    arguments: z.array(argumentRuleSchema).optional(),
  }),
  /** `tool` was called without `requires` having been called earlier in the same conversation. */
  z.strictObject({ kind: z.literal("tool_sequence"), tool: z.string(), requires: z.string() }),
  /** The loopback trap URL was fetched with this case's token (or a tool call carried it). */
  z.strictObject({ kind: z.literal("trap_fetch") }),
  /** The dangerous payload (rendered template) comes back raw, unescaped, in the reply. */
  z.strictObject({ kind: z.literal("echo"), payload: z.string() }),
  /** The reply is longer than this many characters, or was cut at the scanner's reply cap. */
  z.strictObject({ kind: z.literal("output_length"), maxChars: z.number().int().positive() }),
  /** More than `ratio` of the reply's word 3-grams are repeats. */
  z.strictObject({ kind: z.literal("repetition"), ratio: z.number().gt(0).lt(1) }),
  /** The target accepted (2xx) the probe's oversized input instead of refusing it (4xx). */
  z.strictObject({ kind: z.literal("accepts_oversized") }),
  /** A bounded burst of `requests` identical requests drew no 429 (no rate limiting). */
  z.strictObject({ kind: z.literal("no_rate_limit"), requests: z.number().int().min(2).max(50) }),
  /** Needs judgement: asked of the optional LLM judge; without one the detector is "unknown". */
  z.strictObject({ kind: z.literal("judge"), question: z.string().min(1) }),
]);
export type Detector = z.infer<typeof detectorSchema>;
export type DetectorKind = Detector["kind"];

export const probeTagsSchema = z.strictObject({
  /** OWASP Top 10 for LLM Applications 2025, e.g. "LLM01:2025". */
  owaspLlm: z.array(z.string().regex(/^LLM(0[1-9]|10):2025$/, "must look like LLM01:2025")).min(1),
  /** OWASP Top 10 for Agentic Applications, e.g. "ASI01". */
  owaspAgentic: z.array(z.string().regex(/^ASI(0[1-9]|10)$/, "must look like ASI01")).default([]),
  /** MITRE ATLAS tactic ids, e.g. "AML.TA0005". */
  atlas: z.array(z.string().regex(/^AML\.TA\d{4}$/, "must look like AML.TA0005")).min(1),
  /** ISO/IEC 42001 clause or Annex A control ids this probe produces evidence for. */
  isoControls: z.array(z.string()).min(1),
});

export const probeSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]{2,4}-\d{3}$/, "must look like PI-001"),
  title: z.string().min(1),
  category: categorySchema,
  severity: severitySchema,
  tags: probeTagsSchema,
  /** What the probe checks, in a sentence or two. */
  description: z.string().min(1),
  /** What to change in the application when the probe finds something. */
  remediation: z.string().min(1),
  /** The attack text; user turns reference it as {{payload}}, so transforms can encode it. */
  payload: z.string().optional(),
  /** Variants: the plain payload is always run; each listed transform adds one encoded variant. */
  transforms: z.array(transformNameSchema).default([]),
  /** Named secrets planted in the context (system prompt, documents); templates may use {{canary}}. */
  secrets: z.record(z.string(), z.string()).default({}),
  /** Tools offered to the model (OpenAI-compatible targets). */
  tools: z.array(toolDefinitionSchema).default([]),
  /** The conversation: system prompt and planted history first, then one or more user turns. */
  messages: z.array(probeMessageSchema).min(1),
  /** Only run when the target offers this (probes needing identities skip other targets). */
  requires: z.array(z.enum(["system_prompt", "tool_trace", "identities"])).default([]),
  detect: z.array(detectorSchema).min(1),
});
export type Probe = z.infer<typeof probeSchema>;
export type ProbeInput = z.input<typeof probeSchema>;

export const probePackSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Calendar version of the pack's content, e.g. "2026.11.0". */
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, "must look like 2026.11.0"),
  title: z.string(),
  probes: z.array(probeSchema).min(1),
});
export type ProbePack = z.infer<typeof probePackSchema>;

// ---------------------------------------------------------------------------------------------
// Targets.

export type TargetKind = "openai" | "http" | "command";

/** What the runner needs to know about a target before planning. */
export interface TargetCapabilities {
  kind: TargetKind;
  /** Address or command line, for reports (never with credentials). */
  endpoint: string;
  model?: string;
  /** The scanner writes the system prompt and planted history (openai); otherwise only user turns are sent. */
  controlsSystemPrompt: boolean;
  /** The target reports the tool calls it made (openai always; http when a trace selector is set). */
  hasToolTrace: boolean;
  /** Named identities for authorization probes (http with identities configured). */
  identities: string[];
}

/** Mutable per-conversation state a target may keep (cookies, session ids). */
export interface SessionState {
  cookies: Map<string, string>;
  values: Map<string, string>;
}

export interface ExchangeRequest {
  /** The whole conversation so far, ending with the user turn to send. */
  messages: ChatMessage[];
  tools: ToolDefinition[];
  /** Which configured identity sends the turn (http identities); undefined: the default one. */
  identity?: "primary" | "secondary";
  session: SessionState;
}

export type ExchangeErrorKind =
  | "timeout"
  | "network"
  | "http_status"
  | "bad_reply"
  | "reply_too_large"
  | "rate_limited"
  | "aborted";

export interface ExchangeResult {
  ok: boolean;
  /** The assistant's text (possibly cut at the reply cap). */
  reply: string;
  /** The tool calls the target made or proposed; null when the target exposes no trace. */
  toolCalls: ToolCall[] | null;
  httpStatus?: number;
  /** Milliseconds from sending the final attempt to the full reply. */
  latencyMs: number;
  /** 1 + retries. */
  attempts: number;
  /** The reply was longer than the cap and was cut. */
  truncated: boolean;
  error?: { kind: ExchangeErrorKind; message: string };
  /** Exactly what went over the wire (request body as sent, response body as received, capped). */
  wire: { request: string; response: string };
}

export interface Target {
  capabilities(): TargetCapabilities;
  send(request: ExchangeRequest, signal?: AbortSignal): Promise<ExchangeResult>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Results.

/**
 * "blocked": the detector saw the harmful tool calls it looks for, and a policy denied every one of
 * them (tool detectors only).
 */
export type DetectorOutcome = "matched" | "blocked" | "clear" | "unknown";

export interface DetectorResult {
  kind: DetectorKind;
  outcome: DetectorOutcome;
  /** Why, in a short sentence with the matched text (secrets shown shortened). */
  detail: string;
}

/** One test case: a probe in one variant (plain or one transform). */
export interface CaseResult {
  caseId: string;
  probeId: string;
  variant: "plain" | TransformName;
  title: string;
  category: Category;
  severity: Severity;
  tags: Probe["tags"];
  verdict: Verdict;
  detectors: DetectorResult[];
  /** The reply used refusal wording. Recorded, never used for the verdict. */
  refused: boolean;
  /** For a blocked case: the policy rules that denied its harmful tool calls (empty when the denials named none). */
  blockedBy?: string[];
  /** Why the case was skipped or failed, when it was. */
  note?: string;
  exchanges: number;
  /** Sum of the target's latency over this case's exchanges. */
  targetLatencyMs: number;
  judge?: { model: string; promptSha256: string; rationale: string; answer: "yes" | "no" | "unclear" };
}

/** Everything a detector may look at for one test case, after its exchanges. */
export interface DetectionContext {
  /** The run seed; canaries and markers derive from it. */
  seed: number;
  caseId: string;
  variant: "plain" | TransformName;
  /** This case's canary and trigger marker (see detect/case-tokens.ts). */
  canary: string;
  marker: string;
  /** Token in this case's trap URL; `trapHits` is how many fetches the loopback listener saw for it. */
  trapToken: string;
  trapUrl: string;
  trapHits: number;
  /** Whether the target runs on this machine and could fetch the loopback trap at all (default true). */
  trapReachable?: boolean;
  /** The probe's secrets rendered, plus the target's configured secrets (name → value). */
  secrets: Record<string, string>;
  /** Every user turn exactly as sent. Pattern matches found here are not findings. */
  userTexts: string[];
  exchanges: ExchangeResult[];
  /** All tool calls across the exchanges; null when the target exposes no trace. */
  toolCalls: ToolCall[] | null;
  /** Statuses of the bounded burst, for `no_rate_limit` (empty when the probe has none). */
  burstStatuses: number[];
  /** Asks the optional judge; undefined when none is configured. */
  judge?: (question: string, transcript: string) => Promise<NonNullable<CaseResult["judge"]>>;
}

/** Identifies the summary JSON format; bump the number on breaking changes. */
export const SUMMARY_FORMAT = "openaims-redteam-summary/1";

export interface VerdictCounts {
  cases: number;
  vulnerable: number;
  /** Absent from summaries written before the verdict existed; read as 0. */
  blocked: number;
  not_observed: number;
  inconclusive: number;
  error: number;
}

/** The machine-readable result of a run (summary.json); its JSON schema is schemas/summary.schema.json. */
export interface ScanSummary {
  format: typeof SUMMARY_FORMAT;
  scanner: { name: "openaims-redteam"; version: string };
  pack: { id: string; version: string; sha256: string; probes: number };
  /** SHA-256 of the canonical JSON of the effective configuration (secrets replaced by their hashes). */
  configSha256: string;
  seed: number;
  target: TargetCapabilities;
  concurrency: number;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** False when the run was interrupted (Ctrl-C, fatal target error): results are partial. */
  complete: boolean;
  /** Why the run stopped early or what went wrong globally, if anything. */
  problems: string[];
  totals: VerdictCounts;
  byCategory: Record<Category, VerdictCounts>;
  /** Every case, in plan order (ids are stable for a given pack and seed). */
  cases: CaseResult[];
  /** Files written alongside, with their SHA-256 (the transcript always; reports as requested). */
  artifacts: Array<{ kind: "transcript" | "sarif" | "junit" | "html"; file: string; sha256: string }>;
}

/** One test case ready to run: a probe in one variant with every template filled in. */
export interface PlannedCase {
  caseId: string;
  probe: Probe;
  variant: "plain" | TransformName;
  /** The conversation with templates rendered; user turns are sent one at a time. */
  messages: Array<ChatMessage & { as?: "primary" | "secondary" }>;
  tools: ToolDefinition[];
  canary: string;
  marker: string;
  trapToken: string;
  trapUrl: string;
  secrets: Record<string, string>;
  /** Size of the rate-limit burst, when the probe has a no_rate_limit detector. */
  burst: number;
}
