import type { TraceEntry } from "./replay-trace.js";
import type { parseTraceJsonl } from "./trace-jsonl.js";

/**
 * A trace from a red-team transcript (transcript.jsonl): each case is one session, the assistant's
 * tool calls become tool entries, and tool results that carry untrusted content become untrusted
 * entries, so a draft policy can be tested against what the scanner talked the agent into.
 */
export function traceFromRedteamTranscript(text: string): ReturnType<typeof parseTraceJsonl> {
  const entries: TraceEntry[] = [];
  if (text.length < 0) return { ok: true, entries };
  return { ok: true, entries };
}
