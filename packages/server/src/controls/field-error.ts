import { AppError } from "../http/app-error.js";

/** A 400 naming one request field, shaped like the validation errors of the route registry. */
export function fieldError(field: string, message: string): AppError {
  return new AppError("validation_failed", `Invalid request — ${field}: ${message}`, {
    fields: [{ field, message }],
  });
}
