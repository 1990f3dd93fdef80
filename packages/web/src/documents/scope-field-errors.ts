import { validationDetailsSchema } from "@openaims/contracts";
import { ApiError } from "../api/api-error";
import { sentence } from "../api/form-errors";

/** Server messages keyed by their path inside the scope content, e.g. `exclusions.0.reason`. */
export function scopeFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== "validation_failed") return {};
  const details = validationDetailsSchema.safeParse(error.details);
  if (!details.success) return {};
  const errors: Record<string, string> = {};
  for (const { field, message } of details.data.fields) {
    const key = field.replace(/^body\.(content\.)?/, "");
    errors[key] ??= sentence(message);
  }
  return errors;
}
