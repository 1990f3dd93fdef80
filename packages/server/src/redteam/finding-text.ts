/** What a risk or nonconformity raised from a finding says, from the finding and its scan. */
export interface FindingFacts {
  title: string;
  probeId: string;
  caseId: string;
  variant: string;
  category: string;
  severity: string;
  detail: string;
  tags: { owaspLlm: string[]; owaspAgentic: string[]; atlas: string[] };
  scanRef: string;
  scanFinishedAt: Date | null;
  systemName: string;
}

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 5000;

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "System prompt disclosure (SPL-002, RT-3)". */
export function raisedTitle(facts: FindingFacts): string {
  const tail = ` (${facts.probeId}, ${facts.scanRef})`;
  return `${cut(facts.title, TITLE_MAX - tail.length)}${tail}`;
}

/** A plain account of the finding: which probe succeeded against which system, what was seen, and its framework ids. */
export function raisedDescription(facts: FindingFacts): string {
  const when = facts.scanFinishedAt ? ` on ${facts.scanFinishedAt.toISOString().slice(0, 10)}` : "";
  const variant = facts.variant === "plain" ? "" : `, ${facts.variant} variant`;
  const frameworks = [
    facts.tags.owaspLlm.length ? `OWASP LLM: ${facts.tags.owaspLlm.join(", ")}` : null,
    facts.tags.owaspAgentic.length ? `OWASP Agentic: ${facts.tags.owaspAgentic.join(", ")}` : null,
    facts.tags.atlas.length ? `MITRE ATLAS: ${facts.tags.atlas.join(", ")}` : null,
  ].filter((line): line is string => line !== null);
  const text = [
    `Red-team scan ${facts.scanRef}${when} found ${facts.systemName} vulnerable to probe ${facts.probeId} ` +
      `"${facts.title}" (${facts.category}, severity ${facts.severity}${variant}; case ${facts.caseId}).`,
    "",
    `What the scanner saw: ${facts.detail}`,
    ...(frameworks.length ? ["", frameworks.join("; ")] : []),
  ].join("\n");
  return cut(text, DESCRIPTION_MAX);
}
