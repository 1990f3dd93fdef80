import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { excerptOf, findInViews } from "./approximate-match.js";
import { caseTokens } from "./case-tokens.js";

const CANARY = "CNRY-0123456789AB";

describe("findInViews", () => {
  it("finds an exact match case-insensitively with an excerpt", () => {
    const result = findInViews(["nothing", `The code is ${CANARY.toLowerCase()}, as asked.`], CANARY);
    expect(result).toEqual({ found: true, score: 1, excerpt: "The code is cnry-0123456789ab, as asked." });
  });

  it("matches a token spelt out with spaces or other separators", () => {
    expect(findInViews(["it is C N R Y - 0 1 2 3 4 5 6 7 8 9 A B ok"], CANARY)).toMatchObject({
      found: true,
      score: 1,
    });
    expect(findInViews(["cnry.0123.4567.89ab"], CANARY).found).toBe(true);
  });

  it("matches with one or two characters changed, dropped or added", () => {
    expect(findInViews(["x CNRY-0123456789XB y"], CANARY)).toMatchObject({ found: true, score: 0.9375 });
    expect(findInViews(["x CNRY-01234X6789AB y"], CANARY).found).toBe(true);
    expect(findInViews(["x CNRY-012345678AB y"], CANARY).found).toBe(true);
    expect(findInViews(["x CNRY-01234556789AB y"], CANARY).found).toBe(true);
    expect(findInViews(["x CNRY-0X2345X789AB y"], CANARY).found).toBe(true);
    expect(findInViews(["x CNRY-0X23X5X789AB y"], CANARY).found).toBe(false);
  });

  it("does not match another case's token or unrelated text", () => {
    fc.assert(
      fc.property(fc.integer(), fc.string({ maxLength: 20 }), (seed, id) => {
        const planted = caseTokens(seed, `a${id}`);
        const other = caseTokens(seed, `b${id}`);
        const reply = `Sure! Here are ${other.canary}, ${other.marker} and ${other.trapToken}.`;
        expect(findInViews([reply], planted.canary).found).toBe(false);
        expect(findInViews([reply], planted.marker).found).toBe(false);
      }),
      { numRuns: 300 },
    );
    const hexDump = Array.from({ length: 4000 }, (_, i) => ((i * 2654435761) >>> 0).toString(16)).join("");
    expect(findInViews([hexDump], CANARY).found).toBe(false);
  });

  it("matches short needles only exactly", () => {
    expect(findInViews(["hunter3"], "hunter2").found).toBe(false);
    expect(findInViews(["HUNTER2!"], "hunter2").found).toBe(true);
  });

  it("honours minScore", () => {
    const reply = ["x CNRY-0X2345X789AB y"];
    expect(findInViews(reply, CANARY, { minScore: 0.95 }).found).toBe(false);
    expect(findInViews(reply, CANARY, { minScore: 0.8 }).found).toBe(true);
  });

  it("is deterministic and handles empty input", () => {
    expect(findInViews([], CANARY)).toEqual({ found: false, score: 0, excerpt: "" });
    expect(findInViews(["abc"], "")).toEqual({ found: false, score: 0, excerpt: "" });
    const views = ["a CNRY-0123456789XB b CNRY-0123456789AX"];
    expect(findInViews(views, CANARY)).toEqual(findInViews(views, CANARY));
  });

  it("stays fast on large views", () => {
    // ~1-3 ms per 100 KiB view and needle once compacted; the first needle pays the compaction.
    const prose = "Our quarterly results show growth across every region and product line. ".repeat(3500);
    const views = [prose, prose.toUpperCase()];
    const started = performance.now();
    for (const needle of [CANARY, "TRG-0A1B2C3D4E", "a-much-longer-planted-secret-value"]) findInViews(views, needle);
    expect(performance.now() - started).toBeLessThan(300);
  });

  it("bounds the work on text that resembles the needle everywhere", () => {
    // Without the alignment budget this took ~0.5 s; with it, ~25 ms per needle for 1 MiB.
    const lookalike = "a.".repeat(250_000);
    const started = performance.now();
    expect(findInViews([lookalike], "aaaaaaaaaaab")).toMatchObject({ found: true });
    expect(findInViews([lookalike], "aaaaaaaaaaaa")).toMatchObject({ found: true, score: 1 });
    expect(performance.now() - started).toBeLessThan(400);
  });
});

describe("excerptOf", () => {
  it("adds context, collapses whitespace and marks cuts", () => {
    const text = `${"a".repeat(50)}\n\nTOKEN\t${"b".repeat(50)}`;
    expect(excerptOf(text, 52, 57)).toBe(`…${"a".repeat(28)} TOKEN ${"b".repeat(29)}…`);
  });
});
