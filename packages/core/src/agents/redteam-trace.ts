import { readToolResult } from "@openaims/redteam";
import { findInvisibleCharacters, findPlantedInstructions } from "@openaims/redteam/detect";
import { canonicalJson } from "../audit/canonical-json.js";
import type { TraceEntry } from "./replay-trace.js";
import type { ParseTraceResult, TraceError } from "./trace-jsonl.js";
import { maxTraceEntries } from "./trace-jsonl.js";

export interface RedteamTraceOptions {
  /** Tools whose results are untrusted content whatever they say (fetch_url, read_inbox …). */
  untrustedTools?: readonly string[];
}

interface WireCall {
  id?: string;
  name: string;
  arguments: unknown;
}

interface SessionCursor {
  /** Request messages already turned into entries (each request repeats the conversation so far). */
  seen: number;
  /** Names of tool calls by id, to name the tool results that answer them. */
  callNames: Map<string, string>;
  /** The last reply's calls, which come back as an assistant message in the next request. */
  lastReply: string | null;
  /** Entries of reply calls by id, so the tool result answering one can say a policy blocked it. */
  replyEntries: Map<string, TraceEntry>;
}

/**
 * A trace from a red-team transcript (transcript.jsonl, one exchange per line). Each case is one
 * session. The conversation in each request (OpenAI chat shape) gives the planted history: its
 * assistant tool calls become tool entries recorded as allowed, and its tool results become
 * untrusted entries when they come from an untrusted tool or carry planted instructions or hidden
 * characters. Each reply's tool calls then become tool entries, recorded as denied when the
 * target reported a policy blocked them (in the call's result, or in the tool message answering it
 * with the gateway's or guard's decision).
 */
export function traceFromRedteamTranscript(text: string, options: RedteamTraceOptions = {}): ParseTraceResult {
  const untrustedTools = new Set(options.untrustedTools ?? []);
  const entries: TraceEntry[] = [];
  const errors: TraceError[] = [];
  const cursors = new Map<string, SessionCursor>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length && errors.length < 50; i++) {
    const raw = lines[i]?.trim() ?? "";
    if (raw === "") continue;
    const line = i + 1;
    let value: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      value = parsed as Record<string, unknown>;
    } catch {
      errors.push({ line, message: "is not a transcript line (a JSON object)" });
      continue;
    }
    if (typeof value.caseId !== "string" || value.caseId === "") {
      errors.push({ line, message: "has no caseId" });
      continue;
    }
    const session = value.caseId;
    const at =
      typeof value.startedAt === "string" && Number.isFinite(Date.parse(value.startedAt)) ? value.startedAt : undefined;
    let cursor = cursors.get(session);
    if (!cursor) {
      cursor = { seen: 0, callNames: new Map(), lastReply: null, replyEntries: new Map() };
      cursors.set(session, cursor);
    }
    const push = (entry: TraceEntry) => {
      if (at !== undefined) entry.at = at;
      entries.push(entry);
    };

    const messages = requestMessages(value.request);
    for (let m = cursor.seen; m < messages.length; m++) {
      const message = messages[m] as Record<string, unknown>;
      if (message.role === "assistant") {
        const calls = wireCalls(message.tool_calls);
        for (const call of calls) if (call.id) cursor.callNames.set(call.id, call.name);
        if (calls.length === 0) continue;
        // The previous reply comes back in the next request; its calls are already entries.
        if (cursor.lastReply !== null && cursor.lastReply === callsKey(calls)) {
          cursor.lastReply = null;
          continue;
        }
        for (const call of calls) {
          push({ session, kind: "tool", name: call.name, arguments: call.arguments, recorded: "allow" });
        }
      } else if (message.role === "tool") {
        const id = typeof message.tool_call_id === "string" ? message.tool_call_id : "";
        const name = typeof message.name === "string" ? message.name : (cursor.callNames.get(id) ?? "tool result");
        const content = typeof message.content === "string" ? message.content : JSON.stringify(message.content ?? "");
        // A policy's refusal is the gateway's or guard's own text, not content the tool returned.
        if (readToolResult(content).blocked) {
          const answered = cursor.replyEntries.get(id);
          if (answered && answered.recorded === undefined) answered.recorded = "deny";
          continue;
        }
        if (untrustedTools.has(name) || carriesPlantedText(content)) {
          push({ session, kind: "tool", name, arguments: {}, untrusted: true });
        }
      }
    }
    cursor.seen = Math.max(cursor.seen, messages.length);

    const replyCalls = Array.isArray(value.toolCalls) ? (value.toolCalls as unknown[]) : [];
    const calls: WireCall[] = [];
    for (const raw of replyCalls) {
      if (typeof raw !== "object" || raw === null) continue;
      const call = raw as Record<string, unknown>;
      if (typeof call.name !== "string" || call.name === "") continue;
      const args = typeof call.arguments === "string" ? parseArguments(call.arguments) : (call.arguments ?? {});
      const entry: TraceEntry = { session, kind: "tool", name: call.name, arguments: args };
      const result = call.result as { blocked?: unknown } | undefined;
      if (result && typeof result.blocked === "boolean") entry.recorded = result.blocked ? "deny" : "allow";
      push(entry);
      calls.push({ name: call.name, arguments: args });
      if (typeof call.id === "string") {
        cursor.callNames.set(call.id, call.name);
        cursor.replyEntries.set(call.id, entry);
      }
    }
    cursor.lastReply = calls.length > 0 ? callsKey(calls) : null;
    if (entries.length > maxTraceEntries) {
      errors.push({ line, message: `a trace may hold at most ${maxTraceEntries} entries` });
      break;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, entries };
}

function requestMessages(request: unknown): unknown[] {
  if (typeof request !== "string") return [];
  try {
    const body = JSON.parse(request) as { messages?: unknown };
    return Array.isArray(body?.messages) ? body.messages.filter((m) => typeof m === "object" && m !== null) : [];
  } catch {
    return [];
  }
}

function wireCalls(value: unknown): WireCall[] {
  if (!Array.isArray(value)) return [];
  const calls: WireCall[] = [];
  for (const raw of value as Array<{ id?: unknown; function?: { name?: unknown; arguments?: unknown } }>) {
    const name = raw?.function?.name;
    if (typeof name !== "string" || name === "") continue;
    const args = raw.function?.arguments;
    const call: WireCall = { name, arguments: typeof args === "string" ? parseArguments(args) : (args ?? {}) };
    if (typeof raw.id === "string") call.id = raw.id;
    calls.push(call);
  }
  return calls;
}

/** Arguments sent as JSON text; text that is not JSON stays text (the decision denies it). */
function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function callsKey(calls: readonly WireCall[]): string {
  return canonicalJson(calls.map((c) => ({ name: c.name, arguments: c.arguments })));
}

/** Content written to steer an AI that reads it: planted instructions or invisible characters. */
function carriesPlantedText(content: string): boolean {
  return findPlantedInstructions(content).length > 0 || findInvisibleCharacters(content).length > 0;
}
