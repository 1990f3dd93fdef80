import { validationDetailsSchema } from "@openaims/contracts";
import type { z } from "zod";
import { ApiError } from "./api-error";

/** Field name → first message, for showing a schema's validation issues beside the inputs. */
export type FieldErrors = Partial<Record<string, string>>;

/** Validates form values with a contract schema; returns parsed data or per-field messages. */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { data: z.output<S>; errors: null } | { data: null; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= messageFor(issue);
  }
  return { data: null, errors };
}

function messageFor(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && issue.input === undefined) return "Required";
  if (issue.code === "too_small" && Number(issue.minimum) === 1 && issue.origin === "string") return "Required";
  return issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
}

/** Per-field messages from a `validation_failed` answer whose details list `{ field: "body.x", message }`. */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== "validation_failed") return {};
  const details = validationDetailsSchema.safeParse(error.details);
  if (!details.success) return {};
  const errors: FieldErrors = {};
  for (const item of details.data.fields) {
    const name = item.field.replace(/^body\./, "").split(".")[0] ?? item.field;
    errors[name] ??= item.message.charAt(0).toUpperCase() + item.message.slice(1);
  }
  return errors;
}
