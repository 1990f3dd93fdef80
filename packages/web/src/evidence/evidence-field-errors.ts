import { validationDetailsSchema } from "@openaims/contracts";
import { ApiError } from "../api/api-error";
import { type FieldErrors, sentence } from "../api/form-errors";

/**
 * Per-field messages from a `validation_failed` answer, for fields sent in the body or, for file
 * uploads, in the query string (`query.title` → `title`).
 */
export function evidenceFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== "validation_failed") return {};
  const details = validationDetailsSchema.safeParse(error.details);
  if (!details.success) return {};
  const errors: FieldErrors = {};
  for (const item of details.data.fields) {
    const name = item.field.replace(/^(body|query)\./, "").split(".")[0] ?? item.field;
    errors[name] ??= sentence(item.message);
  }
  return errors;
}
