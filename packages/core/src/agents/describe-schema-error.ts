import type { ErrorObject } from "ajv";

/**
 * A failed argument check in plain words, e.g. "amount 500 is more than the maximum 100" or
 * "to "x@evil.test" does not match the pattern @example\.com$".
 */
export function describeSchemaError(
  name: string,
  value: unknown,
  errors: readonly ErrorObject[] | null | undefined,
): string {
  const error = errors?.[0];
  if (!error) return `${name} does not meet the policy's schema`;
  const where = error.instancePath ? `${name}${error.instancePath.replace(/\//g, ".")}` : name;
  const shown = show(error.instancePath ? pick(value, error.instancePath) : value);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "maximum":
      return `${where} ${shown} is more than the maximum ${String(p.limit)}`;
    case "exclusiveMaximum":
      return `${where} ${shown} is not below ${String(p.limit)}`;
    case "minimum":
      return `${where} ${shown} is less than the minimum ${String(p.limit)}`;
    case "exclusiveMinimum":
      return `${where} ${shown} is not above ${String(p.limit)}`;
    case "multipleOf":
      return `${where} ${shown} is not a multiple of ${String(p.multipleOf)}`;
    case "type":
      return `${where} ${shown} is not of type ${String(p.type)}`;
    case "enum":
      return `${where} ${shown} is not one of ${(p.allowedValues as unknown[]).map(show).join(", ")}`;
    case "const":
      return `${where} ${shown} is not ${show(p.allowedValue)}`;
    case "pattern":
      return `${where} ${shown} does not match the pattern ${String(p.pattern)}`;
    case "format":
      return `${where} ${shown} is not a valid ${String(p.format)}`;
    case "maxLength":
      return `${where} is longer than ${String(p.limit)} characters`;
    case "minLength":
      return `${where} is shorter than ${String(p.limit)} characters`;
    case "maxItems":
      return `${where} has more than ${String(p.limit)} items`;
    case "minItems":
      return `${where} has fewer than ${String(p.limit)} items`;
    case "required":
      return `${where} lacks ${String(p.missingProperty)}`;
    case "additionalProperties":
      return `${where} has ${String(p.additionalProperty)}, which the policy does not allow`;
    default:
      return `${where} ${error.message ?? "does not meet the policy's schema"}`;
  }
}

function pick(value: unknown, pointer: string): unknown {
  let current = value;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A value as a short piece of text: numbers as written, strings quoted, anything long cut. */
function show(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
