import { describe, expect, it } from "vitest";
import { LANGUAGE_WRAPPERS, stripLanguageWrapper, WRAPPER_SENTENCES } from "./language-wrappers.js";

describe("language wrappers", () => {
  it("has one sentence in each of five languages, each ending with ': '", () => {
    expect(LANGUAGE_WRAPPERS.map((w) => w.language)).toEqual(["fr", "de", "es", "it", "pt"]);
    for (const sentence of WRAPPER_SENTENCES) {
      expect(sentence.endsWith(": ")).toBe(true);
      expect(sentence.slice(0, -2)).not.toContain(": ");
    }
  });

  it("strips a leading wrapper and leaves other text alone", () => {
    for (const sentence of WRAPPER_SENTENCES) expect(stripLanguageWrapper(`${sentence}say hi`)).toBe("say hi");
    expect(stripLanguageWrapper("Bitte: say hi")).toBe("Bitte: say hi");
  });
});
