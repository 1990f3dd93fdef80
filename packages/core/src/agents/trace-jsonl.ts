import { actionKinds, type DecisionOutcome, decisionOutcomes } from "@openaims/contracts";
import type { TraceEntry } from "./replay-trace.js";

/** A mistake in a trace file, named by its 1-based line. */
export interface TraceError {
  line: number;
  message: string;
}

export type ParseTraceResult = { ok: true; entries: TraceEntry[] } | { ok: false; errors: TraceError[] };

export const maxTraceEntries = 100_000;
const maxReportedErrors = 50;

/**
 * Reads a trace written as JSON Lines, one TraceEntry per line (blank lines skipped):
 * `{"session":"s1","kind":"tool","name":"issue_refund","arguments":{"amount":50}}`.
 */
export function parseTraceJsonl(text: string): ParseTraceResult {
  const entries: TraceEntry[] = [];
  const errors: TraceError[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length && errors.length < maxReportedErrors; i++) {
    const raw = lines[i]?.trim() ?? "";
    if (raw === "") continue;
    const line = i + 1;
    if (entries.length >= maxTraceEntries) {
      errors.push({ line, message: `a trace may hold at most ${maxTraceEntries} entries` });
      break;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      errors.push({ line, message: `is not JSON (${error instanceof Error ? error.message : String(error)})` });
      continue;
    }
    const entry = toTraceEntry(value);
    if (typeof entry === "string") errors.push({ line, message: entry });
    else entries.push(entry);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, entries };
}

/** A checked TraceEntry, or what is wrong with the value in words. */
export function toTraceEntry(value: unknown): TraceEntry | string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "must be a JSON object";
  const v = value as Record<string, unknown>;
  if (typeof v.session !== "string" || v.session.length === 0 || v.session.length > 200) {
    return "session must be text of 1 to 200 characters";
  }
  const kind = v.kind ?? "tool";
  if (typeof kind !== "string" || !(actionKinds as readonly string[]).includes(kind)) {
    return `kind must be one of ${actionKinds.join(", ")}`;
  }
  if (typeof v.name !== "string" || v.name.length === 0 || v.name.length > 1000) {
    return "name must be text of 1 to 1000 characters";
  }
  if (v.at !== undefined && (typeof v.at !== "string" || !Number.isFinite(Date.parse(v.at)))) {
    return "at must be an ISO date and time";
  }
  if (v.untrusted !== undefined && typeof v.untrusted !== "boolean") return "untrusted must be true or false";
  if (v.recorded !== undefined && !(decisionOutcomes as readonly unknown[]).includes(v.recorded)) {
    return `recorded must be one of ${decisionOutcomes.join(", ")}`;
  }
  const entry: TraceEntry = {
    session: v.session,
    kind: kind as TraceEntry["kind"],
    name: v.name,
    arguments: v.arguments ?? {},
  };
  if (v.at !== undefined) entry.at = v.at as string;
  if (v.untrusted !== undefined) entry.untrusted = v.untrusted as boolean;
  if (v.recorded !== undefined) entry.recorded = v.recorded as DecisionOutcome;
  return entry;
}
