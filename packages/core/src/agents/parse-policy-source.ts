import { parseDocument } from "yaml";
import type { PolicyError } from "./policy-error.js";

/** Longest policy text read; a real policy is a few kilobytes. */
export const maxPolicySourceChars = 1_048_576;

export type ParsePolicySourceResult = { ok: true; document: unknown } | { ok: false; errors: PolicyError[] };

/**
 * Reads a policy written in YAML or JSON (JSON is YAML, so one parser reads both). A syntax
 * mistake is reported with its line and column; the shape is checked later by compilePolicy.
 */
export function parsePolicySource(text: string): ParsePolicySourceResult {
  if (text.length > maxPolicySourceChars) {
    return { ok: false, errors: [{ path: "", message: `a policy may be at most ${maxPolicySourceChars} characters` }] };
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => {
        const at = error.linePos?.[0];
        const where = at ? `line ${at.line}, column ${at.col}: ` : "";
        return { path: "", message: `${where}${firstLine(error.message)}` };
      }),
    };
  }
  return { ok: true, document: doc.toJS({ maxAliasCount: 100 }) ?? {} };
}

function firstLine(message: string): string {
  const line = message.split("\n")[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, "");
}
