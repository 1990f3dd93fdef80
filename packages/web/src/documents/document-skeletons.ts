import type { DocumentKind } from "@openaims/contracts";

/**
 * The headings a new blank document of each kind starts with, so nobody faces an empty page. The AI
 * policy and the AI use-case procedure also have full templates (listed by the templates route).
 */
export const documentSkeletons: Record<Exclude<DocumentKind, "aims_scope">, string> = {
  ai_policy: headings([
    "Purpose",
    "Scope",
    "Acceptable use",
    "Prohibited use",
    "Approval of new AI systems",
    "Data",
    "Human oversight",
    "Roles",
    "Review",
  ]),
  policy: headings(["Purpose", "Scope", "Policy", "Roles and responsibilities", "Exceptions", "Review"]),
  procedure: headings(["Purpose", "When it applies", "Steps", "Records", "Review"]),
  risk_method: headings(["Purpose", "Risk criteria", "Likelihood and impact scales", "Acceptance", "Review"]),
  objectives: headings(["Objectives", "How progress is measured", "Owners and dates", "Review"]),
  record: headings(["What this records", "Details", "Sign-off"]),
  other: headings(["Purpose", "Content", "Review"]),
};

function headings(titles: string[]): string {
  return titles.map((title) => `## ${title}`).join("\n\n");
}

/** The starting text for a new document of a kind; empty for the scope, which has its own page. */
export function skeletonFor(kind: DocumentKind | null): string {
  return kind === null || kind === "aims_scope" ? "" : documentSkeletons[kind];
}
