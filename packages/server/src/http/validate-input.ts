import {
  type FieldMessage,
  fieldLabel,
  fieldMessages,
  plainParseOptions,
  type RouteDef,
  type RouteInput,
} from "@openaims/contracts";
import type { z } from "zod";
import { invalidFields } from "./invalid-fields.js";

type Part = "params" | "query" | "body";

/**
 * Validates each part of a request against the route's contract. The error lists every bad field by
 * path, label and a sentence a person understands, and its message sums them up in the same words.
 */
export function validateInput<R extends RouteDef>(
  route: R,
  raw: { params: unknown; query: unknown; body: unknown },
): RouteInput<R> {
  const problems: FieldMessage[] = [];
  const parse = (part: Part, schema: z.ZodType | undefined) => {
    if (!schema) return undefined;
    const result = schema.safeParse(raw[part] ?? (part === "body" ? undefined : {}), plainParseOptions);
    if (result.success) return result.data;
    problems.push(...fieldMessages(result.error.issues, schema, part));
    return undefined;
  };
  for (const part of ["params", "query", "body"] as const) {
    for (const field of unpairedSurrogates(raw[part], part)) {
      const label = fieldLabel(route[part], field.split(".").slice(1), part);
      const message = "contains a broken character (half of an emoji or other symbol); type it again";
      problems.push({ field, label, message });
    }
  }
  const input = {
    params: parse("params", route.params),
    query: parse("query", route.query),
    body: parse("body", route.body),
  };
  if (problems.length > 0) throw invalidFields(problems);
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
