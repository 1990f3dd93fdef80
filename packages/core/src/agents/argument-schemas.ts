import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { type PolicyError, policyPath } from "./policy-error.js";

/**
 * Argument constraints are JSON Schema draft 2020-12, compiled by ajv in strict mode so a typo such
 * as `maximun` is a mistake rather than a constraint that silently checks nothing. A fragment
 * without `type` whose keywords all belong to one type (e.g. `{ maximum: 100 }`) gets that type, so
 * the short form also refuses a value of another type instead of letting it through.
 */
export interface SchemaCompiler {
  compileArgument(path: string, schema: Record<string, unknown>, errors: PolicyError[]): ValidateFunction | null;
  compileWhole(path: string, schema: Record<string, unknown>, errors: PolicyError[]): ValidateFunction | null;
  /** Whether an argument's schema only admits numbers. */
  isNumeric(schema: Record<string, unknown>): boolean;
}

const keywordTypes: Readonly<Record<string, string>> = {
  maximum: "number",
  minimum: "number",
  exclusiveMaximum: "number",
  exclusiveMinimum: "number",
  multipleOf: "number",
  maxLength: "string",
  minLength: "string",
  pattern: "string",
  format: "string",
  items: "array",
  prefixItems: "array",
  maxItems: "array",
  minItems: "array",
  uniqueItems: "array",
  contains: "array",
  properties: "object",
  required: "object",
  additionalProperties: "object",
  patternProperties: "object",
  maxProperties: "object",
  minProperties: "object",
  propertyNames: "object",
};

/** The fragment with `type` filled in when its keywords name exactly one type and it names none. */
export function withImpliedType(schema: Record<string, unknown>): Record<string, unknown> {
  if ("type" in schema || "$ref" in schema || "enum" in schema || "const" in schema) return schema;
  const types = new Set<string>();
  for (const key of Object.keys(schema)) {
    const type = keywordTypes[key];
    if (type) types.add(type);
  }
  if (types.size !== 1) return schema;
  const [type] = types;
  return { type, ...schema };
}

let sharedAjv: Ajv2020 | null = null;

/**
 * One ajv instance serves every policy: building one costs tens of milliseconds (its meta-schema is
 * compiled on first use), compiling a small fragment well under one. Each fragment is removed from
 * ajv's cache once compiled, so policies compiled over a long-running server leave nothing behind.
 */
function ajvInstance(): Ajv2020 {
  if (sharedAjv === null) {
    sharedAjv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: false });
    addFormats.default(sharedAjv);
  }
  return sharedAjv;
}

export function createSchemaCompiler(): SchemaCompiler {
  const ajv = ajvInstance();

  const compile = (path: string, schema: Record<string, unknown>, errors: PolicyError[]) => {
    if (!ajv.validateSchema(schema)) {
      for (const error of ajv.errors ?? []) errors.push(metaSchemaError(path, error));
      return null;
    }
    try {
      return ajv.compile(schema);
    } catch (error) {
      errors.push({ path, message: compileMessage(error) });
      return null;
    } finally {
      ajv.removeSchema(schema);
    }
  };

  return {
    compileArgument: (path, schema, errors) => compile(path, withImpliedType(schema), errors),
    compileWhole: (path, schema, errors) => compile(path, withImpliedType(schema), errors),
    isNumeric(schema) {
      const type = withImpliedType(schema).type;
      const types = Array.isArray(type) ? type : [type];
      return types.length > 0 && types.every((t) => t === "number" || t === "integer");
    },
  };
}

function metaSchemaError(path: string, error: ErrorObject): PolicyError {
  const segments = error.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
  const where = segments.length > 0 ? `${path}.${policyPath(segments)}`.replace(".[", "[") : path;
  let message = error.message ?? "is not a valid JSON Schema";
  if (error.keyword === "enum" && Array.isArray(error.params.allowedValues)) {
    message = `must be one of ${error.params.allowedValues.map(String).join(", ")}`;
  }
  return { path: where, message };
}

function compileMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^strict mode: /, "").split("\n")[0] ?? text;
}
