import { findPatterns } from "@openaims/redteam/detect";

/** Text with secrets and personal data replaced by `[redacted:<kind>]`, and how many of each kind. */
export function redactContent(text: string | null): { text: string | null; redactions: Map<string, number> } {
  const redactions = new Map<string, number>();
  if (text === null) return { text, redactions };
  const matches = findPatterns(text, ["credentials", "pii"]);
  if (matches.length === 0) return { text, redactions };
  let out = "";
  let from = 0;
  for (const match of matches) {
    if (match.index < from) continue;
    out += `${text.slice(from, match.index)}[redacted:${match.id}]`;
    from = match.index + match.value.length;
    redactions.set(match.id, (redactions.get(match.id) ?? 0) + 1);
  }
  return { text: out + text.slice(from), redactions };
}
