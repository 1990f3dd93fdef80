import { describe, expect, it } from "vitest";
import { matchesSearch, searchWords } from "./matches-search";

describe("catalogue search", () => {
  it("splits on whitespace and ignores case", () => {
    expect(searchWords("  A.6  Monitoring ")).toEqual(["a.6", "monitoring"]);
    expect(searchWords("   ")).toEqual([]);
  });

  it("needs every word at the start of some token of the item", () => {
    const texts = ["A.6.2.6", "AI system operation and monitoring"];
    expect(matchesSearch(searchWords("a.6 monitor"), texts)).toBe(true);
    expect(matchesSearch(searchWords("monitoring drift"), texts)).toBe(false);
    expect(matchesSearch(searchWords("toring"), texts)).toBe(false);
    expect(matchesSearch([], texts)).toBe(true);
  });

  it("keeps framework ids whole", () => {
    const row = ["A.4.5", "MEASURE 2.12", "Art. 15 Accuracy, robustness and cybersecurity"];
    expect(matchesSearch(searchWords("Art. 12"), row)).toBe(false);
    expect(matchesSearch(searchWords("Art. 15"), row)).toBe(true);
    expect(matchesSearch(searchWords("LLM01:2025"), ["(LLM01:2025)"])).toBe(true);
    expect(matchesSearch(searchWords("tool_misuse"), ["tool_misuse"])).toBe(true);
  });
});
