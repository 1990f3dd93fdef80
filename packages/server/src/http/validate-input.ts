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
