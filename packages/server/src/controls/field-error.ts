import type { AppError } from "../http/app-error.js";
import { invalidField } from "../http/invalid-fields.js";

/** A 400 naming one request field, shaped like the validation errors of the route registry. */
export function fieldError(field: string, message: string): AppError {
  return invalidField(field, message);
}
