import { cycloneDxValidator } from "./cyclonedx-schemas.js";

/** One reason a document is not a valid CycloneDX 1.6 BOM, at a JSON path such as `$.components[0].type`. */
export interface AibomError {
  path: string;
  message: string;
}

export interface AibomValidation {
  valid: boolean;
  errors: AibomError[];
}

/** At most this many errors are listed: a wrong file can have thousands. */
const MAX_ERRORS = 100;

/** A JSON Pointer (`/components/0/type`) as a JSON path (`$.components[0].type`). */
export function jsonPathOf(pointer: string): string {
  if (pointer === "") return "$";
  return `$${pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) =>
      /^\d+$/.test(part) ? `[${part}]` : /^[A-Za-z_$][\w$-]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`,
    )
    .join("")}`;
}

/**
 * Validate a parsed JSON document against the CycloneDX 1.6 schema. Only `specVersion` 1.6 is
 * accepted, since that is the schema checked; errors name the path and say what is wrong.
 */
export function validateAibom(document: unknown): AibomValidation {
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    return { valid: false, errors: [{ path: "$", message: "must be a JSON object (a CycloneDX BOM)" }] };
  }
  const record = document as Record<string, unknown>;
  if (record.bomFormat !== "CycloneDX") {
    return { valid: false, errors: [{ path: "$.bomFormat", message: 'must be "CycloneDX"' }] };
  }
  if (record.specVersion !== "1.6") {
    return {
      valid: false,
      errors: [
        { path: "$.specVersion", message: `must be "1.6" (this file says ${JSON.stringify(record.specVersion)})` },
      ],
    };
  }
  const validate = cycloneDxValidator();
  if (validate(document)) return { valid: true, errors: [] };
  const seen = new Set<string>();
  const errors: AibomError[] = [];
  for (const error of validate.errors ?? []) {
    const path = jsonPathOf(error.instancePath);
    const extra =
      error.keyword === "additionalProperties"
        ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})`
        : error.keyword === "enum"
          ? `: ${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).slice(0, 12).join(", ")}`
          : "";
    const message = `${error.message ?? "is not valid"}${extra}`;
    const key = `${path} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ path, message });
    if (errors.length >= MAX_ERRORS) break;
  }
  return { valid: false, errors };
}
