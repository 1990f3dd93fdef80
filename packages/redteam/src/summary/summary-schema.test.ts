import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { CaseResult, ScanSummary } from "../model.js";
import { exampleCases, exampleSummary } from "./summary-example.js";
import { caseResultSchema, MAX_SUMMARY_CASES, scanSummarySchema } from "./summary-schema.js";

describe("scanSummarySchema", () => {
  it("infers exactly the model's ScanSummary and CaseResult", () => {
    expectTypeOf<z.infer<typeof scanSummarySchema>>().toEqualTypeOf<ScanSummary>();
    expectTypeOf<ScanSummary>().toExtend<z.infer<typeof scanSummarySchema>>();
    expectTypeOf<z.infer<typeof scanSummarySchema>>().toExtend<ScanSummary>();
    expectTypeOf<CaseResult>().toExtend<z.infer<typeof caseResultSchema>>();
    expectTypeOf<z.infer<typeof caseResultSchema>>().toExtend<CaseResult>();
  });

  it("accepts a realistic summary unchanged", () => {
    const summary = exampleSummary();
    expect(scanSummarySchema.parse(summary)).toEqual(summary);
  });

  it("accepts a summary after a JSON round trip", () => {
    const summary = JSON.parse(JSON.stringify(exampleSummary())) as unknown;
    expect(scanSummarySchema.safeParse(summary).success).toBe(true);
  });

  it("rejects another format, a bad hash and an unknown verdict", () => {
    const summary = exampleSummary();
    const badFormat = { ...summary, format: "openaims-redteam-summary/2" };
    const badHash = { ...summary, configSha256: "ABC" };
    const badVerdict = { ...summary, cases: [{ ...summary.cases[0], verdict: "pwned" }, ...summary.cases.slice(1)] };
    for (const candidate of [badFormat, badHash, badVerdict]) {
      expect(scanSummarySchema.safeParse(candidate).success).toBe(false);
    }
  });

  it("accepts a summary written before the blocked verdict, reading its blocked counts as 0", () => {
    const cases = exampleCases().filter((c) => c.verdict !== "blocked");
    const { blocked: _total, ...oldTotals } = exampleSummary(cases).totals;
    const oldByCategory = Object.fromEntries(
      Object.entries(exampleSummary(cases).byCategory).map(([category, { blocked: _b, ...counts }]) => [
        category,
        counts,
      ]),
    );
    const old = { ...exampleSummary(cases), totals: oldTotals, byCategory: oldByCategory };
    const parsed = scanSummarySchema.parse(JSON.parse(JSON.stringify(old)));
    expect(parsed.totals.blocked).toBe(0);
    expect(parsed.byCategory.tool_misuse.blocked).toBe(0);
  });

  it("counts blocked cases in the totals and their category", () => {
    const summary = exampleSummary();
    expect(summary.totals.blocked).toBe(1);
    expect(summary.byCategory.tool_misuse.blocked).toBe(1);
    const hidden = { ...summary, totals: { ...summary.totals, blocked: 0 } };
    expect(scanSummarySchema.safeParse(hidden).error?.issues.map((issue) => issue.path.join("."))).toEqual(["totals"]);
  });

  it("requires every category in byCategory", () => {
    const { direct_injection: _dropped, ...rest } = exampleSummary().byCategory;
    expect(scanSummarySchema.safeParse({ ...exampleSummary(), byCategory: rest }).success).toBe(false);
  });

  it("rejects totals or category counts that disagree with the cases", () => {
    const summary = exampleSummary();
    const badTotals = scanSummarySchema.safeParse({ ...summary, totals: { ...summary.totals, vulnerable: 0 } });
    expect(badTotals.error?.issues.map((issue) => issue.path.join("."))).toEqual(["totals"]);
    const byCategory = { ...summary.byCategory, api_abuse: { ...summary.byCategory.api_abuse, cases: 3 } };
    const badCategory = scanSummarySchema.safeParse({ ...summary, byCategory });
    expect(badCategory.error?.issues.map((issue) => issue.path.join("."))).toEqual(["byCategory.api_abuse"]);
  });

  it("rejects repeated case ids", () => {
    const [first] = exampleCases();
    if (!first) throw new Error("example has cases");
    const result = scanSummarySchema.safeParse(exampleSummary([first, first]));
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["cases.1.caseId"]);
  });

  it("bounds strings and the number of cases", () => {
    const [first] = exampleCases();
    if (!first) throw new Error("example has cases");
    const longDetail = { ...first, detectors: [{ kind: "marker", outcome: "matched", detail: "x".repeat(4_001) }] };
    expect(caseResultSchema.safeParse(longDetail).success).toBe(false);
    const tooMany = Array.from({ length: MAX_SUMMARY_CASES + 1 }, (_, index) => ({ ...first, caseId: `c${index}` }));
    const result = scanSummarySchema.safeParse(exampleSummary(tooMany));
    expect(result.error?.issues.some((issue) => issue.code === "too_big" && issue.path[0] === "cases")).toBe(true);
  });

  it("checks tag ids with the probe schema's patterns", () => {
    const [first] = exampleCases();
    if (!first) throw new Error("example has cases");
    const badTag = { ...first, tags: { ...first.tags, owaspLlm: ["LLM11:2025"] } };
    expect(caseResultSchema.safeParse(badTag).success).toBe(false);
  });
});
