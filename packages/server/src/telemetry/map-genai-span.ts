import { inputMarkers, outputMarkers, priceForModel, type TokenPrice, tokenCost } from "@openaims/core";
import { usesRefusalWording } from "@openaims/redteam/detect";
import { type Attributes, type AttrValue, attrInt, attrString, type OtlpSpan } from "./otlp-model.js";

/** Longest prompt or completion text read from one span (the rest is ignored). */
const MAX_TEXT = 32_000;
/** Other attributes kept with a span: at most this many, each value cut to this length. */
const MAX_OTHER_ATTRIBUTES = 32;
const MAX_ATTRIBUTE_LENGTH = 256;

/** Finish reasons that mean the model declined or was stopped by a content filter. */
const REFUSAL_FINISH_REASONS = new Set(["content_filter", "refusal"]);

/** Attributes the mapping reads into columns; they are not repeated in the span's other attributes. */
const MAPPED = new Set([
  "gen_ai.operation.name",
  "gen_ai.system",
  "gen_ai.provider.name",
  "gen_ai.request.model",
  "gen_ai.response.model",
  "gen_ai.usage.input_tokens",
  "gen_ai.usage.output_tokens",
  "gen_ai.usage.prompt_tokens",
  "gen_ai.usage.completion_tokens",
  "gen_ai.response.finish_reasons",
  "gen_ai.tool.name",
  "gen_ai.guardrail.findings",
  "gen_ai.guardrail.triggered",
]);

/** Attribute keys that may hold prompt or completion text: never kept as attributes, whatever the setting. */
const TEXT_KEY =
  /^(gen_ai\.(prompt|completion|input|output|system_instructions|content|tool\.call\.(arguments|result))|llm\.(prompts|completions|input_messages|output_messages))/;

const INPUT_ATTRIBUTES = ["gen_ai.input.messages", "gen_ai.prompt", "gen_ai.system_instructions"];
const OUTPUT_ATTRIBUTES = ["gen_ai.output.messages", "gen_ai.completion"];
const INPUT_EVENTS = new Set([
  "gen_ai.content.prompt",
  "gen_ai.user.message",
  "gen_ai.system.message",
  "gen_ai.tool.message",
  "gen_ai.client.inference.operation.details",
]);
const OUTPUT_EVENTS = new Set(["gen_ai.content.completion", "gen_ai.choice", "gen_ai.assistant.message"]);

/** A span read through the GenAI semantic conventions: its columns, its text (in memory only) and markers. */
export interface MappedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  operation: string | null;
  provider: string | null;
  requestModel: string | null;
  responseModel: string | null;
  startedAt: number;
  durationMs: number;
  error: boolean;
  inputTokens: number | null;
  outputTokens: number | null;
  finishReasons: string | null;
  caller: string | null;
  toolName: string | null;
  refused: boolean;
  guardFindings: number;
  cost: number | null;
  attributes: Record<string, string | number | boolean> | null;
  inputText: string | null;
  outputText: string | null;
  injectionMarkers: number;
  exfiltrationMarkers: number;
}

/** The text inside a message value: strings under content/text/parts, or the value itself when plain text. */
function textOf(value: AttrValue | undefined, into: string[]): void {
  if (value === undefined || value === null) return;
  if (typeof value === "string") {
    const trimmed = value.trimStart();
    if ((trimmed.startsWith("[") || trimmed.startsWith("{")) && value.length <= 4 * MAX_TEXT) {
      try {
        collectText(JSON.parse(value) as unknown, into);
        return;
      } catch {
        // Not JSON: plain text.
      }
    }
    into.push(value);
    return;
  }
  collectText(value, into);
}

function collectText(value: unknown, into: string[]): void {
  if (typeof value === "string") {
    into.push(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collectText(item, into);
    return;
  }
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "content" || key === "text" || key === "parts" || key === "message" || key === "body")
        collectText(inner, into);
    }
  }
}

function joined(parts: string[]): string | null {
  if (parts.length === 0) return null;
  const text = parts.join("\n");
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}

function textsOf(span: OtlpSpan): { input: string | null; output: string | null } {
  const input: string[] = [];
  const output: string[] = [];
  for (const key of INPUT_ATTRIBUTES) textOf(span.attributes.get(key), input);
  for (const key of OUTPUT_ATTRIBUTES) textOf(span.attributes.get(key), output);
  for (const event of span.events) {
    const target = INPUT_EVENTS.has(event.name) ? input : OUTPUT_EVENTS.has(event.name) ? output : null;
    if (!target) continue;
    for (const [key, value] of event.attributes) {
      if (
        key === "gen_ai.prompt" ||
        key === "gen_ai.completion" ||
        key === "content" ||
        key === "message" ||
        key === "body" ||
        key.startsWith("gen_ai.input") ||
        key.startsWith("gen_ai.output")
      )
        textOf(value, target);
    }
  }
  return { input: joined(input), output: joined(output) };
}

function finishReasonsOf(attributes: Attributes): string[] {
  const value = attributes.get("gen_ai.response.finish_reasons");
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string" && value !== "") return value.split(",").map((r) => r.trim());
  return [];
}

/**
 * Guard findings of a span: each event named `gen_ai.guardrail` or `gen_ai.guardrail.*` counts one
 * (unless its `gen_ai.guardrail.triggered` is false); a span attribute `gen_ai.guardrail.findings`
 * adds its count; a span attribute `gen_ai.guardrail.triggered` = true counts one when no event did.
 */
export function guardFindingsOf(span: OtlpSpan): number {
  let findings = 0;
  for (const event of span.events) {
    if (event.name !== "gen_ai.guardrail" && !event.name.startsWith("gen_ai.guardrail.")) continue;
    if (event.attributes.get("gen_ai.guardrail.triggered") === false) continue;
    findings++;
  }
  findings += attrInt(span.attributes, "gen_ai.guardrail.findings") ?? 0;
  if (findings === 0 && span.attributes.get("gen_ai.guardrail.triggered") === true) findings = 1;
  return findings;
}

function otherAttributes(attributes: Attributes, callerAttribute: string): MappedSpan["attributes"] {
  let kept: Record<string, string | number | boolean> | null = null;
  let count = 0;
  for (const [key, value] of attributes) {
    if (MAPPED.has(key) || key === callerAttribute || TEXT_KEY.test(key) || value === null) continue;
    if (count++ >= MAX_OTHER_ATTRIBUTES) break;
    kept ??= {};
    kept[key] =
      typeof value === "string"
        ? value.slice(0, MAX_ATTRIBUTE_LENGTH)
        : typeof value === "number" || typeof value === "boolean"
          ? value
          : JSON.stringify(value).slice(0, MAX_ATTRIBUTE_LENGTH);
  }
  return kept;
}

/** Reads one span through the GenAI semantic conventions. */
export function mapGenAiSpan(
  span: OtlpSpan,
  resource: Attributes,
  callerAttribute: string,
  prices: readonly TokenPrice[],
): MappedSpan {
  const a = span.attributes;
  const finishReasons = finishReasonsOf(a);
  const { input, output } = textsOf(span);
  const requestModel = attrString(a, "gen_ai.request.model");
  const responseModel = attrString(a, "gen_ai.response.model");
  const inputTokens = attrInt(a, "gen_ai.usage.input_tokens") ?? attrInt(a, "gen_ai.usage.prompt_tokens");
  const outputTokens = attrInt(a, "gen_ai.usage.output_tokens") ?? attrInt(a, "gen_ai.usage.completion_tokens");
  const price = priceForModel(prices, responseModel ?? requestModel) ?? priceForModel(prices, requestModel);
  const refused =
    finishReasons.some((r) => REFUSAL_FINISH_REASONS.has(r.toLowerCase())) ||
    (output !== null && usesRefusalWording(output));
  const startedAt = Number.isFinite(span.startMs) ? span.startMs : Date.now();
  const duration = span.endMs - span.startMs;
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    name: span.name.slice(0, 500),
    operation: attrString(a, "gen_ai.operation.name"),
    provider: attrString(a, "gen_ai.provider.name") ?? attrString(a, "gen_ai.system"),
    requestModel,
    responseModel,
    startedAt,
    durationMs: Number.isFinite(duration) && duration > 0 ? duration : 0,
    error: span.statusCode === 2 || a.has("error.type"),
    inputTokens,
    outputTokens,
    finishReasons: finishReasons.length > 0 ? finishReasons.join(",").slice(0, 500) : null,
    caller: (attrString(a, callerAttribute) ?? attrString(resource, callerAttribute))?.slice(0, 200) ?? null,
    toolName: attrString(a, "gen_ai.tool.name")?.slice(0, 200) ?? null,
    refused,
    guardFindings: guardFindingsOf(span),
    cost: tokenCost(price, inputTokens, outputTokens),
    attributes: otherAttributes(a, callerAttribute),
    inputText: input,
    outputText: output,
    // One per marked span, whatever the number of marker kinds in it: detection thresholds count marked inputs.
    injectionMarkers: input !== null && inputMarkers(input).length > 0 ? 1 : 0,
    // Personal data the caller sent and the reply repeats is not exfiltration.
    exfiltrationMarkers: output !== null && outputMarkers(output, { input }).length > 0 ? 1 : 0,
  };
}
