import { AppError } from "../http/app-error.js";

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
  const fields = problems.map((p) => ({ field: `body.${p.field}`, message: p.message }));
  const summary = fields
    .slice(0, 5)
    .map((f) => `${f.field}: ${f.message}`)
    .join("; ");
  return new AppError("validation_failed", `Invalid request — ${summary}`, { fields });
}
