import type { RouteDef, RouteInput, ValidationDetails } from "@openaims/contracts";
import type { z } from "zod";
import { AppError } from "./app-error.js";

type Part = "params" | "query" | "body";

/** Validates each part of a request against the route's contract; the message names every bad field. */
export function validateInput<R extends RouteDef>(
  route: R,
  raw: { params: unknown; query: unknown; body: unknown },
): RouteInput<R> {
  const problems: ValidationDetails["fields"] = [];
  const parse = (part: Part, schema: z.ZodType | undefined) => {
    if (!schema) return undefined;
    const result = schema.safeParse(raw[part] ?? (part === "body" ? undefined : {}));
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join(".");
      problems.push({ field: path ? `${part}.${path}` : part, message: issue.message });
    }
    return undefined;
  };
  for (const part of ["params", "query", "body"] as const) {
    for (const field of unpairedSurrogates(raw[part], part)) {
      problems.push({ field, message: "must not contain an unpaired surrogate (text that is not valid Unicode)" });
    }
  }
  const input = {
    params: parse("params", route.params),
    query: parse("query", route.query),
    body: parse("body", route.body),
  };
  if (problems.length > 0) {
    const summary = problems
      .slice(0, 5)
      .map((p) => `${p.field}: ${p.message}`)
      .join("; ");
    throw new AppError("validation_failed", `Invalid request — ${summary}`, { fields: problems });
  }
  return input as RouteInput<R>;
}

const unpaired = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Fields whose text (or key) holds half of a UTF-16 surrogate pair. JSON can carry one, but it is not
 * Unicode, and PostgreSQL refuses it in text and jsonb columns; refusing it here names the field.
 */
function unpairedSurrogates(value: unknown, path: string): string[] {
  if (typeof value === "string") return unpaired.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => unpairedSurrogates(item, `${path}.${i}`));
  if (value && typeof value === "object" && !Buffer.isBuffer(value)) {
    return Object.entries(value).flatMap(([key, item]) =>
      unpaired.test(key) ? [`${path}.${key}`] : unpairedSurrogates(item, `${path}.${key}`),
    );
  }
  return [];
}
