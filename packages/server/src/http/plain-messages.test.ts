import { type RouteDef, type RouteId, routes } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { invalidSamples } from "../testing/invalid-values.js";
import { AppError } from "./app-error.js";
import { validateInput } from "./validate-input.js";

/**
 * Validator wording that must never reach a person: zod's defaults, comparison signs, regular
 * expressions, raw enum ids (snake_case) and field paths.
 */
const developerWording: [string, RegExp][] = [
  ["zod size wording", /\bToo (big|small)\b/i],
  ["zod type wording", /\bexpected\b|\breceived\b/i],
  ["zod default", /\bInvalid (input|option|string|type|enum|literal|union|key|element|value)\b/i],
  ["NaN", /\bNaN\b/],
  ["comparison sign", /<=|>=|[^-]>\s*\d|<\s*\d/],
  ["regular expression", /\/\^|\$\/|\\[dswb]|\[a-z|\(\?[:=!]/],
  ["raw enum id", /\b[a-z0-9]+_[a-z0-9_]+\b/],
  ["field path", /\b(body|query|params)\.[A-Za-z]/],
];

function wordingProblems(text: string): string[] {
  return developerWording.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

type Part = "params" | "query" | "body";

/** Every field of every route's params, query and body, each broken in several ways. */
function cases(): { id: RouteId; route: RouteDef; part: Part; path: string; value: unknown }[] {
  return (Object.entries(routes) as [RouteId, RouteDef][]).flatMap(([id, route]) =>
    (["params", "query", "body"] as const).flatMap((part) => {
      const schema = part === "body" && route.upload ? undefined : route[part];
      return schema ? invalidSamples(schema).map((s) => ({ id, route, part, path: s.path, value: s.value })) : [];
    }),
  );
}

describe("validation messages of every route", () => {
  const all = cases();

  it("walks many invalid values per route", () => {
    console.log(`${all.length} invalid values across ${Object.keys(routes).length} routes`);
    expect(all.length).toBeGreaterThan(Object.keys(routes).length * 5);
  });

  it("says what is wrong in plain words, under a label, for every field of every route", () => {
    const bad: string[] = [];
    let refused = 0;
    for (const { id, route, part, path, value } of all) {
      const raw = { params: {}, query: {}, body: undefined as unknown, [part]: value };
      let error: unknown = null;
      try {
        validateInput(route, raw);
      } catch (e) {
        error = e;
      }
      if (!error) continue;
      refused += 1;
      const where = `${id} ${part}.${path || "(whole)"} = ${JSON.stringify(value)?.slice(0, 60)}`;
      if (!(error instanceof AppError) || error.code !== "validation_failed") {
        bad.push(`${where}: not a validation error`);
        continue;
      }
      const fields = (error.details as { fields: { field: string; label: string; message: string }[] }).fields;
      if (fields.length === 0) bad.push(`${where}: no fields named`);
      for (const f of fields) {
        if (!f.label?.trim()) bad.push(`${where}: ${f.field} has no label`);
        const problems = wordingProblems(f.message);
        if (problems.length > 0 || !f.message.trim())
          bad.push(`${where}: ${f.field} "${f.message}" (${problems.join(", ") || "empty"})`);
      }
      const summary = wordingProblems(error.message.replace(/“[^”]*”/g, ""));
      if (summary.length > 0) bad.push(`${where}: summary "${error.message}" (${summary.join(", ")})`);
    }
    const distinct = [...new Set(bad)];
    expect(refused, "invalid values the validator refused").toBeGreaterThan(all.length / 2);
    expect(distinct.slice(0, 40), `${distinct.length} messages in validator wording`).toEqual([]);
  }, 120_000);
});
