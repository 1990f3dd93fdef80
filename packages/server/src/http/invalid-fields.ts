import { type FieldMessage, fieldMessage, validationSummary } from "@openaims/contracts";
import { AppError } from "./app-error.js";

/**
 * The 400 for fields a person got wrong: details list each field's path, label and message, and the
 * message sums them up ("Check 1 field: Review date — must be a date such as 2026-12-31.").
 */
export function invalidFields(problems: readonly FieldMessage[]): AppError {
  return new AppError("validation_failed", validationSummary(problems), { fields: [...problems] });
}

/** The 400 for one field a handler found wrong, e.g. `invalidField("body.slug", "is used by another system")`. */
export function invalidField(field: string, message: string, label?: string): AppError {
  return invalidFields([fieldMessage(field, message, label)]);
}
