import type { z } from "zod";

type Def = {
  type: string;
  format?: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  getter?: () => z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
};

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Where a wrong value was put, and the whole value that carries it. */
export interface InvalidSample {
  path: string;
  value: unknown;
}

const wrongTypes = [42, true, null, ["list"], { nested: { deeper: { deepest: 1 } } }];

/**
 * Values that break a schema one field at a time: for every field the schema reaches (through objects,
 * lists, unions, wrappers), values too long, too short, of the wrong type, outside an enum, not a date,
 * not an id, missing, or nested where a plain value belongs; the rest of the value is left out.
 */
export function invalidSamples(schema: z.ZodType, depth = 0): InvalidSample[] {
  const own = invalidValues(schema, depth).map((value) => ({ path: "", value }));
  return [...own, ...nestedSamples(schema, depth)];
}

function nestedSamples(schema: z.ZodType, depth: number): InvalidSample[] {
  if (depth > 6) return [];
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return nestedSamples(def.innerType as z.ZodType, depth);
    case "lazy":
      return nestedSamples((def.getter as () => z.ZodType)(), depth + 1);
    case "pipe":
      return [...nestedSamples(def.in as z.ZodType, depth), ...nestedSamples(def.out as z.ZodType, depth)];
    case "union":
      return (def.options ?? []).flatMap((option) => nestedSamples(option, depth + 1));
    case "intersection":
      return [...nestedSamples(def.left as z.ZodType, depth), ...nestedSamples(def.right as z.ZodType, depth)];
    case "object":
      return Object.entries(def.shape ?? {}).flatMap(([key, child]) =>
        invalidSamples(child, depth + 1).map((s) => ({ path: join(key, s.path), value: { [key]: s.value } })),
      );
    case "array":
      return invalidSamples(def.element as z.ZodType, depth + 1).map((s) => ({
        path: join("0", s.path),
        value: [s.value],
      }));
    case "tuple":
      return (def.items ?? []).flatMap((item, i) =>
        invalidSamples(item, depth + 1).map((s) => ({ path: join(String(i), s.path), value: [s.value] })),
      );
    case "record":
      return invalidSamples(def.valueType as z.ZodType, depth + 1).map((s) => ({
        path: join("key", s.path),
        value: { key: s.value },
      }));
    default:
      return [];
  }
}

const join = (key: string, rest: string) => (rest ? `${key}.${rest}` : key);

/** Wrong values for the schema itself, by its kind and its checks. */
function invalidValues(schema: z.ZodType, depth: number): unknown[] {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const limit = (name: string, key: string) => {
    const check = checks.find((c) => c.check === name);
    return check ? Number(check[key]) : undefined;
  };
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return invalidValues(def.innerType as z.ZodType, depth);
    case "lazy":
      return depth > 6 ? [] : invalidValues((def.getter as () => z.ZodType)(), depth + 1);
    case "pipe":
      return [...invalidValues(def.in as z.ZodType, depth), ...invalidValues(def.out as z.ZodType, depth)];
    case "union":
      return [...wrongTypes, ...(def.options ?? []).flatMap((o) => invalidValues(o, depth + 1)).slice(0, 12)];
    case "string": {
      const max = limit("max_length", "maximum");
      const min = limit("min_length", "minimum");
      const format = def.format ?? (checks.find((c) => c.check === "string_format")?.format as string | undefined);
      return [
        undefined,
        ...wrongTypes,
        "",
        "   ",
        "not_a_value",
        "31/12/2026",
        "not-a-uuid",
        "no one@nowhere",
        ...(max !== undefined ? ["x".repeat(max + 1), "é".repeat(max + 1)] : []),
        ...(min !== undefined && min > 1 ? ["x".repeat(min - 1)] : []),
        ...(format ? ["🙂 <not> valid ✗"] : []),
      ];
    }
    case "number":
    case "bigint": {
      const max = limit("less_than", "value");
      const min = limit("greater_than", "value");
      return [
        undefined,
        "abc",
        "NaN",
        "12",
        null,
        { nested: { deeper: 1 } },
        1.5,
        1e15,
        -1e15,
        ...(max !== undefined ? [max + 1] : []),
        ...(min !== undefined ? [min - 1] : []),
      ];
    }
    case "boolean":
      return [undefined, "maybe", 1, null, ["yes"]];
    case "enum":
    case "literal":
      return [undefined, "not_a_value", "NOT-A-VALUE", 7, null, { nested: { deeper: 1 } }];
    case "date":
      return [undefined, "not a date", "2026-13-45"];
    case "object":
      return [undefined, "text", 42, ["list"], { surplus: { nested: { deeper: 1 } } }];
    case "array":
    case "tuple": {
      const max = limit("max_length", "maximum");
      return [
        undefined,
        "text",
        { nested: 1 },
        [],
        ...(max !== undefined && max < 5000 ? [Array.from({ length: max + 1 }, () => "not_a_value")] : []),
      ];
    }
    case "record":
      return [undefined, "text", ["list"], { "not a key": { nested: 1 } }];
    default:
      return [];
  }
}
