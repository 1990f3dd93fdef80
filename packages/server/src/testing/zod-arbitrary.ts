import fc from "fast-check";
import type { z } from "zod";

/**
 * fast-check arbitraries derived from a zod request schema, for fuzzing handlers rather than the
 * validator: `shaped` values follow the schema's structure and bounds but carry hostile content
 * (strings at their length limit, NUL, lone surrogates, RTL overrides, numbers at their bounds, dates
 * at year 0), so most pass validation and reach the handler; `nearMiss` values break one part of the
 * shape (beyond a limit, wrong type nested deep, unknown keys, huge arrays) to probe the edges.
 */
export interface ArbitraryOptions {
  /** Real record ids by field name (`systemId`, `memberId` …); uuid fields pick from these first. */
  ids: Record<string, string>;
  /** Longest string to generate where a schema sets no maximum; keeps bodies under the body limit. */
  unboundedLength?: number;
}

type Def = {
  type: string;
  format?: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
  coerce?: boolean;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
};

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The side of a pipe that says what a value looks like: `string().trim().pipe(z.email())` is an e-mail,
 * `string().transform(f)` is a string, `preprocess(f, schema)` is the schema.
 */
const pipeTarget = (def: Def) => (defOf(def.out as z.ZodType).type === "transform" ? def.in : def.out) as z.ZodType;

/**
 * Characters that break naive text handling: NUL, bidi overrides, zero-width and astral symbols.
 * Half surrogate pairs are left to near misses: the validator refuses them, so they never reach a handler.
 */
const hostileChars = [
  "\u0000",
  "\u202e",
  "\u2066",
  "\u200b",
  "\ufeff",
  "😀",
  " ",
  "\t",
  "\n",
  "\r",
  "'",
  '"',
  "\\",
  "<",
  "%",
  "$",
  "a",
  "Z",
  "7",
  "é",
];
const hostileTexts = ["<script>alert(1)</script>", "'; DROP TABLE risks; --", "{{7*7}}", "../../etc/passwd", "%00"];

function bounds(def: Def) {
  let min = 0;
  let max: number | undefined;
  let pattern: RegExp | undefined;
  let inclusiveMin = true;
  let inclusiveMax = true;
  let integer = false;
  let format = def.format;
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === "min_length" || c.check === "length_equals") min = Math.max(min, Number(c.minimum ?? c.length));
    if (c.check === "max_length" || c.check === "length_equals")
      max = Math.min(max ?? Number.POSITIVE_INFINITY, Number(c.maximum ?? c.length));
    if (c.check === "greater_than") {
      min = Number(c.value);
      inclusiveMin = Boolean(c.inclusive);
    }
    if (c.check === "less_than") {
      max = Number(c.value);
      inclusiveMax = Boolean(c.inclusive);
    }
    if (c.check === "number_format" && String(c.format).includes("int")) integer = true;
    if (c.check === "string_format") {
      format = String(c.format);
      if (c.pattern instanceof RegExp) pattern = c.pattern;
    }
  }
  return { min, max, pattern, inclusiveMin, inclusiveMax, integer, format };
}

/** A field name's real id: `ownerMemberId` and `memberIds` both find `memberId`. */
function idFor(key: string | undefined, ids: Record<string, string>): string | undefined {
  if (!key) return undefined;
  const singular = key.replace(/Ids$/, "Id").toLowerCase();
  const match = Object.keys(ids).find((name) => singular.endsWith(name.toLowerCase()));
  return match ? ids[match] : undefined;
}

/** The text cut to at most maxLength UTF-16 units without splitting a surrogate pair. */
function fit(text: string, maxLength: number): string {
  let cut = text.slice(0, Math.max(0, maxLength));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

/** Text of a length in [minLength, maxLength] made of characters that break naive text handling. */
export function hostileText(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const mixed = fc
    .array(fc.oneof(fc.constantFrom(...hostileChars), fc.constantFrom(...hostileTexts)), {
      minLength: Math.min(minLength, 40),
      maxLength: Math.min(Math.max(minLength, 12), maxLength),
    })
    .map((parts) => parts.join(""))
    .map((text) => fit(text, maxLength))
    .map((text) => (text.length < minLength ? text.padEnd(minLength, "x") : text))
    // Most fields trim and then need a character; keep one visible so the rest of the text gets through.
    .map((text) => (minLength > 0 && text.trim() === "" ? `${fit(text, maxLength - 1)}a` : text));
  // Exactly at the limit, ending in a character a byte-counting or code-point-counting check would miss.
  const atLimit = fc
    .constantFrom("x", "é", "\u202e", "😀", "\u0000")
    .map((last) => `${"x".repeat(Math.max(0, maxLength - last.length))}${last}`);
  const padded = fc.constant(`  ${"y".repeat(Math.max(minLength, 1))}  `).filter((text) => text.length <= maxLength);
  return fc.oneof({ weight: 4, arbitrary: mixed }, { weight: 2, arbitrary: atLimit }, { weight: 1, arbitrary: padded });
}

const anyDate = fc.date({
  min: new Date("0000-01-01T00:00:00Z"),
  max: new Date("9999-12-31T23:59:59Z"),
  noInvalidDate: true,
});
const edgeDates = ["0000-01-01", "0001-01-01", "1970-01-01", "2024-02-29", "9999-12-31"];
const edgeDateTimes = ["0000-01-01T00:00:00Z", "1970-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999+14:00"];

function formatted(
  format: string,
  key: string | undefined,
  options: ArbitraryOptions,
  maxLength: number,
  pattern?: RegExp,
) {
  switch (format) {
    case "uuid":
    case "guid": {
      const real = idFor(key, options.ids);
      const known = Object.values(options.ids);
      return fc.oneof(
        { weight: real ? 6 : 0, arbitrary: fc.constant(real ?? "") },
        { weight: 2, arbitrary: fc.constantFrom(...known) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: fc.constant("00000000-0000-4000-8000-000000000000") },
      );
    }
    case "email":
      return fc.constantFrom(
        "fuzz@example.com",
        `${"a".repeat(64)}@example.com`,
        "o'brien+tag@example.co.uk",
        "UPPER@EXAMPLE.COM",
      );
    case "date":
      return fc.oneof(fc.constantFrom(...edgeDates), anyDate.map(isoDay));
    case "datetime":
      return fc.oneof(
        fc.constantFrom(...edgeDateTimes),
        anyDate.map((d) => d.toISOString()),
      );
    case "url":
      // Closed local port: any fetch a handler makes fails fast instead of leaving the machine.
      return fc.constantFrom("http://127.0.0.1:9/", "https://127.0.0.1:9/v1", "http://[::1]:9/a%00b");
    default:
      return pattern ? matching(pattern, maxLength) : fc.string({ maxLength });
  }
}

/** Strings matching a pattern; fast-check cannot read lookaheads, so those fall back to hostile text. */
function matching(pattern: RegExp, maxLength: number): fc.Arbitrary<string> {
  const withoutLookarounds = new RegExp(pattern.source.replace(/\(\?<?[=!][^)]*\)/g, ""), pattern.flags);
  try {
    return fc.stringMatching(withoutLookarounds).filter((s) => s.length <= maxLength && pattern.test(s));
  } catch {
    return hostileText(1, maxLength);
  }
}

const isoDay = (d: Date) => {
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) return "2000-01-01";
  return `${String(year).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
};

function numberArbitrary(def: Def): fc.Arbitrary<number | string> {
  const b = bounds(def);
  const lo = b.min === 0 && !(def.checks ?? []).some((c) => c._zod.def.check === "greater_than") ? -1e9 : b.min;
  const hi = b.max ?? 1e9;
  const values: fc.Arbitrary<number> = b.integer
    ? fc.oneof(
        fc.constantFrom(
          ...[lo, hi, lo + (b.inclusiveMin ? 0 : 1), hi - (b.inclusiveMax ? 0 : 1)].filter(Number.isSafeInteger),
        ),
        fc.integer({
          min: Math.max(Math.ceil(lo), Number.MIN_SAFE_INTEGER),
          max: Math.min(Math.floor(hi), Number.MAX_SAFE_INTEGER),
        }),
      )
    : fc.oneof(fc.constantFrom(lo, hi), fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }));
  // Coerced numbers arrive as text (query strings, forms): give them text, including NaN-ish text.
  return def.coerce
    ? fc.oneof(values.map(String), fc.constantFrom("NaN", "Infinity", "1e309", "0x10", " 1 ", ""))
    : values;
}

/** Values shaped like the schema, with hostile content, that mostly pass it. */
export function shaped(schema: z.ZodType, options: ArbitraryOptions, key?: string): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const unbounded = options.unboundedLength ?? 2000;
  switch (def.type) {
    case "string": {
      const b = bounds(def);
      if (!b.format && key && /Ids?$/.test(key) && (b.max ?? unbounded) >= 36) {
        // A reference or a comma-separated list of them, as the query of an upload takes; a field too short
        // for a uuid (a clause id like "6.1.2") is plain text.
        const known = Object.values(options.ids);
        return fc.oneof(
          formatted("uuid", key, options, b.max ?? unbounded),
          fc.subarray(known, { minLength: 1, maxLength: 3 }).map((list) => list.join(",")),
          hostileText(Math.max(b.min, 1), Math.min(b.max ?? 120, 120)),
        );
      }
      if (!b.format && key && /url|website|issuer/i.test(key))
        return fc.oneof(formatted("url", key, options, b.max ?? unbounded), fc.constant(""));
      if (b.format) return formatted(b.format, key, options, b.max ?? unbounded, b.pattern ?? def.pattern);
      return hostileText(b.min, b.max ?? unbounded);
    }
    case "number":
      return numberArbitrary(def);
    case "boolean":
      return fc.boolean();
    case "enum":
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case "literal":
      return fc.constantFrom(...(def.values ?? []));
    case "null":
      return fc.constant(null);
    case "optional":
      return fc.option(shaped(def.innerType as z.ZodType, options, key), { nil: undefined, freq: 4 });
    case "default":
    case "prefault":
      return fc.option(shaped(def.innerType as z.ZodType, options, key), { nil: undefined, freq: 3 });
    case "nullable":
      return fc.option(shaped(def.innerType as z.ZodType, options, key), { nil: null, freq: 4 });
    case "readonly":
    case "catch":
    case "nonoptional":
      return shaped(def.innerType as z.ZodType, options, key);
    case "pipe":
      return shaped(pipeTarget(def), options, key);
    case "lazy":
      return shaped((def.getter as () => z.ZodType)(), options, key);
    case "union":
      return fc.oneof(...(def.options ?? []).map((option) => shaped(option, options, key)));
    case "array": {
      const b = bounds(def);
      const element = shaped(def.element as z.ZodType, options, key);
      const upTo = (n: number) => Math.max(b.min, Math.min(b.max ?? n, n));
      // Short arrays most of the time: a schema may refuse repeats (a control listed twice) it cannot say.
      const some = fc.oneof(
        { weight: 3, arbitrary: fc.array(element, { minLength: b.min, maxLength: upTo(1) }) },
        { weight: 2, arbitrary: fc.array(element, { minLength: b.min, maxLength: upTo(4) }) },
      );
      const full = fc.array(element, { minLength: b.max ?? 0, maxLength: b.max ?? 0 });
      return b.max !== undefined && b.max <= 100
        ? fc.oneof({ weight: 5, arbitrary: some }, { weight: 1, arbitrary: full })
        : some;
    }
    case "record": {
      const keyDef = defOf(def.keyType as z.ZodType);
      const value = shaped(def.valueType as z.ZodType, options);
      if (keyDef.type === "enum") {
        // A record keyed by an enum needs every key.
        const keys = Object.values(keyDef.entries ?? {}).map(String);
        return fc.tuple(...keys.map(() => value)).map((vals) => Object.fromEntries(keys.map((k, i) => [k, vals[i]])));
      }
      return fc.dictionary(shaped(def.keyType as z.ZodType, options) as fc.Arbitrary<string>, value, { maxKeys: 4 });
    }
    case "object": {
      const shape = def.shape ?? {};
      const fields = Object.fromEntries(
        Object.entries(shape).map(([name, field]) => [name, shaped(field, options, name)]),
      );
      const extra = def.catchall
        ? fc.constant({})
        : fc.option(
            fc.dictionary(
              fc.constantFrom("__proto__x", "constructor", "extra", "id", "orgId"),
              fc.jsonValue({ maxDepth: 1 }),
              { maxKeys: 2 },
            ),
            { nil: {}, freq: 4 },
          );
      return fc
        .tuple(fc.record(fields), extra)
        .map(([value, more]) => dropUndefined({ ...(more as object), ...value }));
    }
    case "tuple":
      return fc.jsonValue({ maxDepth: 2 });
    default:
      // unknown, any, custom and the like: any JSON.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function dropUndefined(value: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** A value of the wrong kind for a schema node. */
function wrongType(def: Def, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  const b = bounds(def);
  const beyond: fc.Arbitrary<unknown>[] = [];
  if (def.type === "string") {
    const limit = b.max ?? options.unboundedLength ?? 2000;
    beyond.push(
      fc.constant("x".repeat(limit + 1)),
      fc.constantFrom("", "   ", "\u0000", "\ud800", "a\udfff", "\udc00\ud800"),
    );
    if (b.format === "date") beyond.push(fc.constantFrom("10000-01-01", "2023-02-30", "-000001-01-01", "2024-13-01"));
    if (b.format === "datetime") beyond.push(fc.constantFrom("+010000-01-01T00:00:00Z", "2024-01-01T25:00:00Z"));
  }
  if (def.type === "number")
    beyond.push(
      fc.constantFrom(b.min - 1, (b.max ?? 1e9) + 1, 1.5, 1e308, -0, "NaN", "1", Number.MAX_SAFE_INTEGER + 2),
    );
  if (def.type === "array")
    beyond.push(fc.constant(Array.from({ length: Math.min((b.max ?? 1000) + 1, 5000) }, () => "x")));
  return fc.oneof(
    fc.constantFrom(null, true, 0, -1, "", "undefined", "[object Object]", [], {}, [null], { $gt: "" }),
    ...beyond,
  );
}

/** URL query values are text: numbers and booleans as their text, absent ones left out. */
export function queryStrings(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
  return Object.fromEntries(entries.map(([k, v]) => [k, typeof v === "object" ? JSON.stringify(v) : String(v)]));
}

/** Values shaped like the schema with one part broken: wrong type, beyond a limit or an unknown key. */
export function nearMiss(schema: z.ZodType, options: ArbitraryOptions, key?: string): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
    case "nullable":
    case "readonly":
    case "catch":
    case "nonoptional":
      return nearMiss(def.innerType as z.ZodType, options, key);
    case "pipe":
      return nearMiss(pipeTarget(def), options, key);
    case "object": {
      const shape = def.shape ?? {};
      const names = Object.keys(shape);
      if (names.length === 0) return wrongType(def, options);
      return fc
        .tuple(shaped(schema, options, key) as fc.Arbitrary<Record<string, unknown>>, fc.constantFrom(...names))
        .chain(([value, broken]) =>
          nearMiss(shape[broken] as z.ZodType, options, broken).map((bad) => ({ ...value, [broken]: bad })),
        );
    }
    case "array":
      return fc.oneof(
        wrongType(def, options),
        fc.array(nearMiss(def.element as z.ZodType, options, key), { minLength: 1, maxLength: 3 }),
      );
    default:
      return wrongType(def, options);
  }
}

/** Mostly schema-shaped hostile values, some near misses, a few arbitrary JSON values. */
export function hostileInput(schema: z.ZodType, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: shaped(schema, options) },
    { weight: 3, arbitrary: nearMiss(schema, options) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}
