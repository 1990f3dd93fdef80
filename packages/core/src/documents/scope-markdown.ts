import type { ScopeContent, ScopeIssue } from "@openaims/contracts";

/** A system named in the scope, as the inventory knows it; unknown ids are shown as they are. */
export interface ScopeSystemName {
  id: string;
  name: string;
}

/** Text inside a list item: one line, so a stray line break cannot end the list. */
function inline(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ").trim();
}

function section(title: string, lines: string[], empty: string): string[] {
  return [`## ${title}`, "", ...(lines.length > 0 ? lines : [`_${empty}_`]), ""];
}

function issueLines(issues: readonly ScopeIssue[]): string[] {
  return issues.map((issue) =>
    issue.detail ? `- **${inline(issue.title)}**: ${inline(issue.detail)}` : `- **${inline(issue.title)}**`,
  );
}

function paragraph(text: string): string[] {
  return text.trim() ? [text.trim()] : [];
}

/**
 * The structured scope as readable Markdown, so a scope version can be read, approved, exported and
 * diffed like any other document. The same content always gives the same text.
 */
export function renderScopeMarkdown(title: string, content: ScopeContent, systems: readonly ScopeSystemName[]): string {
  const names = new Map(systems.map((system) => [system.id, system.name]));
  const parties = content.interestedParties.map((party) => {
    const stance = party.addressedThroughAims ? "Addressed through the AIMS" : "Not addressed through the AIMS";
    const how = party.howAddressed ? ` — ${inline(party.howAddressed)}` : "";
    return `- **${inline(party.name)}**: ${inline(party.needs)} (${stance}${how})`;
  });
  const lines = [
    `# ${inline(title)}`,
    "",
    ...section("Scope statement", paragraph(content.statement), "No scope statement yet."),
    ...section("Boundaries and applicability", paragraph(content.boundaries), "No boundaries described yet."),
    ...section(
      "AI systems in scope",
      content.systemIds.map((id) => `- ${inline(names.get(id) ?? `Unknown system ${id}`)}`),
      "No AI systems named.",
    ),
    ...section("Internal issues", issueLines(content.internalIssues), "None recorded."),
    ...section("External issues", issueLines(content.externalIssues), "None recorded."),
    ...section("Interested parties and their needs", parties, "None recorded."),
    ...section(
      "Exclusions",
      content.exclusions.map((exclusion) => `- **${inline(exclusion.item)}**: ${inline(exclusion.reason)}`),
      "Nothing is excluded.",
    ),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}

/** A message naming what a scope still lacks before it can go to review, or null. */
export function scopeSubmissionProblem(content: ScopeContent): string | null {
  if (!content.statement.trim()) return "Write the scope statement before submitting the scope for review.";
  if (content.systemIds.length === 0 && content.exclusions.length === 0)
    return "Name the AI systems in scope (or record why none are) before submitting the scope for review.";
  return null;
}
