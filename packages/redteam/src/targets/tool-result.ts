/**
 * Reads a tool result for a policy decision. The OpenAIMS MCP gateway answers a denied call with
 * `_meta: { "openaims/decision": { outcome, rule, reason, finalOutcome? } }` and text starting
 * "Blocked by policy:";
 * the runtime guard's denial is the same decision object. A result that carries neither is a result
 * the tool itself produced: not blocked.
 */
import type { ToolCallResult } from "../model.js";

/** The key under which the gateway and the guard put their decision. */
export const DECISION_KEY = "openaims/decision";
/** Text with which a gateway denial starts. */
export const BLOCKED_PREFIX = "Blocked by policy:";

const DENIALS = new Set(["deny", "refused", "expired"]);
const MAX_DEPTH = 3;

/** Whether a policy denied the call this result answers, and by which rule. */
export function readToolResult(value: unknown): ToolCallResult {
  return denialIn(value, 0) ?? { blocked: false };
}

function denialIn(value: unknown, depth: number): ToolCallResult | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (typeof value === "string") return denialInText(value, depth);
  if (value === null || typeof value !== "object") return undefined;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 20)) {
      const found = denialIn(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  const meta = record._meta;
  const decision =
    meta !== null && typeof meta === "object" ? (meta as Record<string, unknown>)[DECISION_KEY] : record[DECISION_KEY];
  const fromDecision = decisionResult(decision);
  if (fromDecision) return fromDecision;
  // An MCP result whose text says it was blocked, or the text field of a content item.
  if (typeof record.text === "string" && record.text.trimStart().startsWith(BLOCKED_PREFIX)) return { blocked: true };
  if (Array.isArray(record.content)) return denialIn(record.content, depth + 1);
  return undefined;
}

function decisionResult(decision: unknown): ToolCallResult | undefined {
  if (decision === null || typeof decision !== "object") return undefined;
  const { outcome, finalOutcome, rule } = decision as { outcome?: unknown; finalOutcome?: unknown; rule?: unknown };
  if (typeof outcome !== "string") return undefined;
  // An approval the gateway asked for ends in finalOutcome: refused or expired is a denial too.
  const denied = DENIALS.has(outcome) || (typeof finalOutcome === "string" && DENIALS.has(finalOutcome));
  if (!denied) return { blocked: false };
  return typeof rule === "string" && rule !== "" ? { blocked: true, rule: rule.slice(0, 200) } : { blocked: true };
}

/** A tool message's content: the gateway's text, or the JSON of a result. */
function denialInText(text: string, depth: number): ToolCallResult | undefined {
  const trimmed = text.trimStart();
  if (trimmed.startsWith(BLOCKED_PREFIX)) return { blocked: true };
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return undefined;
  try {
    return denialIn(JSON.parse(trimmed) as unknown, depth + 1);
  } catch {
    return undefined;
  }
}
