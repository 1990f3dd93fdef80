import { validationDetailsSchema } from "@openaims/contracts";
import { ApiError } from "../api/api-error";
import { sentence } from "../api/form-errors";

/** Messages keyed by their path in the content, e.g. `context.intendedUse` or `dimensions.2.severity`. */
export type ContentErrors = Partial<Record<string, string>>;

/**
 * Field messages from a save (fields `body.content.…`) or a refused submission (fields `content.…`),
 * keyed by their path inside the content so each input can show its own.
 */
export function contentErrors(error: unknown): ContentErrors {
  if (!(error instanceof ApiError) || error.code !== "validation_failed") return {};
  const details = validationDetailsSchema.safeParse(error.details);
  if (!details.success) return {};
  const errors: ContentErrors = {};
  for (const { field, message } of details.data.fields) {
    const path = field.replace(/^body\./, "").replace(/^content\./, "");
    errors[path] ??= sentence(message);
  }
  return errors;
}
