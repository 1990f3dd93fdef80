/**
 * Building ExchangeResults. Targets never throw from send(): every outcome, failures included, is a
 * result with the wire bodies kept (capped) so a transcript shows what happened.
 */
import type { ExchangeErrorKind, ExchangeResult, ToolCall } from "../model.js";
import { limitText } from "./read-capped-body.js";

/** Bodies kept in a transcript are cut at this many bytes. */
export const TRANSCRIPT_BODY_BYTES = 64 * 1024;

export interface ExchangeFacts {
  wireRequest: string;
  wireResponse: string;
  latencyMs: number;
  httpStatus?: number;
  truncated?: boolean;
}

export function succeeded(reply: string, toolCalls: ToolCall[] | null, facts: ExchangeFacts): ExchangeResult {
  return { ok: true, reply, toolCalls, ...common(facts) };
}

export function failed(kind: ExchangeErrorKind, message: string, facts: ExchangeFacts): ExchangeResult {
  return { ok: false, reply: "", toolCalls: null, ...common(facts), error: { kind, message } };
}

function common(facts: ExchangeFacts): Omit<ExchangeResult, "ok" | "reply" | "toolCalls" | "error"> {
  const result: Omit<ExchangeResult, "ok" | "reply" | "toolCalls" | "error"> = {
    latencyMs: Math.round(facts.latencyMs),
    attempts: 1,
    truncated: facts.truncated ?? false,
    wire: {
      request: limitText(facts.wireRequest, TRANSCRIPT_BODY_BYTES),
      response: limitText(facts.wireResponse, TRANSCRIPT_BODY_BYTES),
    },
  };
  if (facts.httpStatus !== undefined) result.httpStatus = facts.httpStatus;
  return result;
}

/**
 * Tool-call arguments as the model.ts type wants them: a JSON object parsed from a string, the
 * object itself, or the original string when it is not a JSON object.
 */
export function toolArguments(raw: unknown): Record<string, unknown> | string {
  if (raw === undefined || raw === null) return {};
  if (typeof raw === "string") {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed))
        return parsed as Record<string, unknown>;
    } catch {
      // Not JSON: the raw string is itself evidence of what the model produced.
    }
    return raw;
  }
  if (typeof raw === "object" && !Array.isArray(raw)) return raw as Record<string, unknown>;
  return JSON.stringify(raw);
}

/** A short excerpt of a body for an error message. */
export function excerpt(text: string, maxChars = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > maxChars ? `${flat.slice(0, maxChars)}…` : flat;
}
