import { describe, expect, it } from "vitest";
import { breakUnits, longestUnitWidth, wrapText } from "./pdf-text.js";

/** One unit of width per character, so line widths are easy to reason about. */
const measure = (text: string) => Array.from(text).length;

describe("wrapText", () => {
  it("breaks at spaces and keeps every word that fits whole", () => {
    expect(wrapText("Implementation status not started", 15, measure)).toEqual([
      "Implementation",
      "status not",
      "started",
    ]);
  });

  it("breaks inside a word only when the word alone is wider than the line", () => {
    expect(wrapText(`sha256:${"a".repeat(12)} ok`, 8, measure)).toEqual(["sha256:a", "aaaaaaaa", "aaa ok"]);
  });

  it("keeps explicit line breaks, and breaks Chinese between characters", () => {
    expect(wrapText("first\nsecond line", 20, measure)).toEqual(["first", "second line"]);
    expect(wrapText("风险评估系统", 4, measure)).toEqual(["风险评估", "系统"]);
    expect(wrapText("AI 风险评估", 5, measure)).toEqual(["AI 风险", "评估"]);
  });

  it("fits a word into a column exactly its width despite rounding", () => {
    const width = 0.1 + 0.2;
    expect(wrapText("Applicable", width, (text) => (text.length * 0.3) / 10)).toEqual(["Applicable"]);
  });
});

describe("breakUnits", () => {
  it("splits at spaces and around ideographs, remembering which units a space separated", () => {
    expect(breakUnits("Model 风险 review")).toEqual([
      { text: "Model", glue: "" },
      { text: "风", glue: " " },
      { text: "险", glue: "" },
      { text: "review", glue: " " },
    ]);
    expect(longestUnitWidth("Undecided or\nApplicable", measure)).toBe(10);
  });
});
