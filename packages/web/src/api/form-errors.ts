import { type FieldMessage, fieldMessages, plainParseOptions, validationDetailsSchema } from "@openaims/contracts";
import type { z } from "zod";
import { ApiError } from "./api-error";

/** Field name → first message, for showing a schema's validation issues beside the inputs. */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * A message as it reads under its input, where the label is already above it: "must be 200 characters
 * or fewer" → "Must be 200 characters or fewer", "is required" → "Required".
 */
export function sentence(message: string): string {
  const text = message.replace(/^is (?!an? |the )/, "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Messages keyed by where they belong in the form: the path inside the request part
 * (`body.content.dimensions.2.severity` → `content.dimensions.2.severity`), and each shorter path
 * above it (`content.dimensions.2`, `content`), so a form finds a message at the depth its inputs have.
 */
export function errorsByPath(fields: readonly FieldMessage[], strip: RegExp = /^(body|query|params)\.?/): FieldErrors {
  const errors: FieldErrors = {};
  for (const item of fields) {
    const segments = item.field.replace(strip, "").split(".").filter(Boolean);
    const message = sentence(item.message);
    if (segments.length === 0) errors.form ??= message;
    for (let depth = segments.length; depth > 0; depth -= 1) errors[segments.slice(0, depth).join(".")] ??= message;
  }
  return errors;
}

/** Validates form values with a contract schema; returns parsed data or per-field messages. */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { data: z.output<S>; errors: null } | { data: null; errors: FieldErrors } {
  const result = schema.safeParse(values, plainParseOptions);
  if (result.success) return { data: result.data, errors: null };
  const errors = errorsByPath(fieldMessages(result.error.issues, schema));
  if (Object.keys(errors).length === 0) errors.form = "Check the form and try again.";
  return { data: null, errors };
}

/** The field list of a `validation_failed` answer, or none. */
export function serverFieldMessages(error: unknown): FieldMessage[] {
  if (!(error instanceof ApiError) || error.code !== "validation_failed") return [];
  const details = validationDetailsSchema.safeParse(error.details);
  return details.success ? details.data.fields : [];
}

/**
 * Per-field messages from a `validation_failed` answer whose details list `{ field: "body.x.y", label,
 * message }`, keyed by `x.y` and `x` (see errorsByPath), for the inputs that show them.
 */
export function serverFieldErrors(error: unknown): FieldErrors {
  return errorsByPath(serverFieldMessages(error));
}
