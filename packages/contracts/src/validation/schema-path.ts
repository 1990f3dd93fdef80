import { globalRegistry, type z } from "zod";

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
};

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const wrappers = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"]);

/**
 * The schema and every wrapper around it (optional, default, a pipe's input, a lazy getter), outermost
 * first, so a title set with `.meta()` is found at whichever layer it was set.
 */
export function layersOf(schema: z.ZodType): z.ZodType[] {
  const layers: z.ZodType[] = [];
  let current: z.ZodType | undefined = schema;
  while (current && layers.length < 20) {
    layers.push(current);
    const def = defOf(current);
    if (wrappers.has(def.type)) current = def.innerType;
    else if (def.type === "lazy") current = def.getter?.();
    else if (def.type === "pipe") {
      // `string().transform(f)` is a string; `preprocess(f, schema)` and `string().pipe(email())` are their target.
      const out = def.out as z.ZodType;
      current = defOf(out).type === "transform" ? def.in : out;
    } else current = undefined;
  }
  return layers;
}

/** The schema of one key or index inside a schema, or undefined when the schema has no such part. */
export function childSchema(schema: z.ZodType, key: PropertyKey): z.ZodType | undefined {
  const inner = layersOf(schema).at(-1) as z.ZodType;
  const def = defOf(inner);
  switch (def.type) {
    case "object":
      return def.shape?.[String(key)] ?? def.catchall;
    case "array":
    case "set":
      return def.element;
    case "record":
    case "map":
      return def.valueType;
    case "tuple":
      return def.items?.[Number(key)] ?? def.rest;
    case "union":
      for (const option of def.options ?? []) {
        const child = childSchema(option, key);
        if (child) return child;
      }
      return undefined;
    case "intersection":
      return (def.left && childSchema(def.left, key)) ?? (def.right && childSchema(def.right, key));
    default:
      return undefined;
  }
}

/** The `title` given with `.meta({ title })` on the schema or any wrapper of it. */
export function titleOf(schema: z.ZodType | undefined): string | undefined {
  if (!schema) return undefined;
  for (const layer of layersOf(schema)) {
    const title = globalRegistry.get(layer)?.title;
    if (typeof title === "string" && title.trim() !== "") return title;
  }
  return undefined;
}

/** Whether the schema, under its wrappers, is a list. */
export function isListSchema(schema: z.ZodType | undefined): boolean {
  if (!schema) return false;
  const type = defOf(layersOf(schema).at(-1) as z.ZodType).type;
  return type === "array" || type === "set";
}

/** What a form can tell before sending: the field's longest allowed text, and whether it must be filled. */
export interface FieldLimits {
  maxLength?: number;
  required: boolean;
}

const optionalTypes = new Set(["optional", "nullable", "default", "prefault", "catch"]);

/**
 * The limits of one field of an object schema, read from its checks: `maxLength` from `.max()` on
 * text, `required` unless the field is optional, nullable or defaulted, or is text that may be empty.
 */
export function fieldLimits(schema: z.ZodType, key: string): FieldLimits {
  const field = childSchema(schema, key);
  if (!field) return { required: false };
  const layers = layersOf(field);
  const optional = layers.some((layer) => optionalTypes.has(defOf(layer).type));
  let maxLength: number | undefined;
  let minLength = 0;
  let isText = false;
  for (const layer of layers) {
    const def = defOf(layer) as Def & { checks?: { _zod: { def: Record<string, unknown> } }[] };
    if (def.type === "string") isText = true;
    for (const check of def.checks ?? []) {
      const c = check._zod.def;
      if (c.check === "max_length") maxLength = Math.min(maxLength ?? Number.POSITIVE_INFINITY, Number(c.maximum));
      if (c.check === "min_length") minLength = Math.max(minLength, Number(c.minimum));
    }
  }
  return { maxLength, required: !optional && (!isText || minLength > 0) };
}
