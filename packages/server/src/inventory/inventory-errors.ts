import { fieldMessage } from "@openaims/contracts";
import type { FieldProblem } from "@openaims/core";
import { AppError } from "../http/app-error.js";
import { invalidFields } from "../http/invalid-fields.js";

/** A 400 naming each field a cross-field rule refused, like the schema validation does. */
export function fieldProblemsError(problems: FieldProblem[], part = "body"): AppError {
  return invalidFields(problems.map((problem) => fieldMessage(`${part}.${problem.field}`, problem.message)));
}

/** Archived records keep their history but take no more changes. */
export function archivedRecordError(entity: string): AppError {
  return new AppError("illegal_transition", `This ${entity} is archived; archived records cannot be changed.`);
}

/** Escapes LIKE wildcards so a search matches the text literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
