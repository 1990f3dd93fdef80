import type { z } from "zod";
import { fieldLabel } from "./field-labels.js";
import { plainIssueMessage } from "./issue-message.js";
import { childSchema, isListSchema } from "./schema-path.js";

/** One bad field: its path (`body.name`), its label ("Name") and what is wrong, in words. */
export interface FieldMessage {
  field: string;
  label: string;
  message: string;
}

/**
 * Options for every `safeParse` whose issues are shown to people: zod's error customisation fills in
 * our sentences, and the input is kept on each issue so a missing value reads "is required".
 */
export const plainParseOptions = {
  error: (issue: z.core.$ZodRawIssue) => plainIssueMessage(issue),
  reportInput: true,
} as const;

/**
 * The issues of one parse as field problems. `part` names what was parsed (`body`, `query`, `params`)
 * and prefixes each path; `root` is the schema parsed, where labels are looked up. A union whose
 * options are objects reports the fields of the option that came closest.
 */
export function fieldMessages(
  issues: readonly z.core.$ZodIssue[],
  root: z.ZodType | undefined,
  part?: string,
): FieldMessage[] {
  return issues.flatMap((issue) => messagesOf(issue, root, part, []));
}

function messagesOf(
  issue: z.core.$ZodIssue,
  root: z.ZodType | undefined,
  part: string | undefined,
  prefix: readonly PropertyKey[],
): FieldMessage[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === "invalid_union" && !issue.discriminator && issue.errors.length > 0) {
    const nested = issue.errors.filter((option) => option.length > 0 && option.every((i) => i.path.length > 0));
    const closest = nested.sort((a, b) => a.length - b.length)[0];
    if (closest) return closest.flatMap((inner) => messagesOf(inner, root, part, path));
  }
  const last = path.at(-1);
  const parentPath = path.slice(0, -1);
  const parent = parentPath.reduce<z.ZodType | undefined>((s, key) => (s ? childSchema(s, key) : undefined), root);
  const listChoice =
    (issue.code === "invalid_value" || issue.code === "invalid_union") &&
    typeof last === "number" &&
    isListSchema(parent);
  const field = [part, ...path.map(String)].filter(Boolean).join(".") || "request";
  return [
    {
      field,
      label: fieldLabel(root, listChoice ? parentPath : path, part),
      message: plainIssueMessage(issue, listChoice),
    },
  ];
}

/** A problem for a field a handler found wrong, labelled from its path when no label is given. */
export function fieldMessage(field: string, message: string, label?: string): FieldMessage {
  const [part, ...path] = field.split(".");
  return { field, label: label ?? fieldLabel(undefined, path, part), message };
}

/**
 * The sentence above a form that failed: "Check 2 fields: Name — must be 200 characters or fewer;
 * Review date — must be a date such as 2026-12-31." Lists at most five fields.
 */
export function validationSummary(problems: readonly FieldMessage[]): string {
  const byField = new Map<string, FieldMessage>();
  for (const problem of problems) if (!byField.has(problem.field)) byField.set(problem.field, problem);
  const distinct = [...byField.values()];
  if (distinct.length === 0) return "Check the form and try again.";
  const listed = distinct
    .slice(0, 5)
    .map((p) => `${p.label} — ${p.message.replace(/\.$/, "")}`)
    .join("; ");
  const more = distinct.length > 5 ? `; and ${distinct.length - 5} more` : "";
  const count = distinct.length === 1 ? "1 field" : `${distinct.length} fields`;
  return `Check ${count}: ${listed}${more}.`;
}
