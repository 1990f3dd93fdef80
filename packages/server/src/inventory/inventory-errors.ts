import type { FieldProblem } from "@openaims/core";
import { AppError } from "../http/app-error.js";

/** A 400 naming each field a cross-field rule refused, like the schema validation does. */
export function fieldProblemsError(problems: FieldProblem[], part = "body"): AppError {
  const fields = problems.map((problem) => ({ field: `${part}.${problem.field}`, message: problem.message }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
  return new AppError("validation_failed", `Invalid request — ${summary}`, { fields });
}

/** Archived records keep their history but take no more changes. */
export function archivedRecordError(entity: string): AppError {
  return new AppError("illegal_transition", `This ${entity} is archived; archived records cannot be changed.`);
}

/** Escapes LIKE wildcards so a search matches the text literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
