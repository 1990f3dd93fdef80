import { type DocumentKind, labelOrValue } from "@openaims/contracts";

/** "1 risk", "3 risks": a count with its noun, never "risk(s)". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** A noun with its indefinite article: "an AI policy", "a procedure". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

/** A process name inside a sentence: "AIMS leadership", "risk management". */
export function processName(process: string): string {
  const label = labelOrValue("aimsProcess", process).replaceAll("_", " ");
  const [first = "", ...rest] = label.split(" ");
  const keep = first === first.toUpperCase();
  return [keep ? first : first.toLowerCase(), ...rest].join(" ");
}

/** What a document of each kind is called in a sentence; "document" is not repeated after it. */
export const documentNames: Record<DocumentKind, string> = {
  aims_scope: "AIMS scope",
  ai_policy: "AI policy",
  policy: "policy",
  procedure: "procedure",
  risk_method: "risk method",
  objectives: "AI objectives",
  record: "record",
  other: "document",
};
