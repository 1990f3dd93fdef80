import { fieldMessage } from "@openaims/contracts";
import type { AppError } from "../http/app-error.js";
import { invalidFields } from "../http/invalid-fields.js";

/** One bad field of a request body, named without the `body.` prefix. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * A 400 naming each bad body field, shaped like the schema validation's answer so forms can show the
 * message beside the input.
 */
export function invalidBody(problems: FieldProblem[]): AppError {
  return invalidFields(problems.map((p) => fieldMessage(`body.${p.field}`, p.message)));
}
