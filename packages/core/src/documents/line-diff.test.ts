import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffLines, splitLines } from "./line-diff.js";

/** Length of the longest common subsequence, by the textbook table: the reference for minimality. */
function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const line of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = line === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] as number);
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

const lines = fc.array(fc.constantFrom("a", "b", "c", "", "# Title"), { maxLength: 14 });

describe("line diff", () => {
  it("marks an added and a removed line with their line numbers", () => {
    expect(diffLines("one\ntwo\nthree", "one\nthree\nfour")).toEqual([
      { kind: "same", text: "one", oldLine: 1, newLine: 1 },
      { kind: "removed", text: "two", oldLine: 2, newLine: null },
      { kind: "same", text: "three", oldLine: 3, newLine: 2 },
      { kind: "added", text: "four", oldLine: null, newLine: 3 },
    ]);
  });

  it("treats CRLF like LF and the empty body as no lines", () => {
    expect(splitLines("")).toEqual([]);
    expect(diffLines("a\r\nb", "a\nb").every((line) => line.kind === "same")).toBe(true);
    expect(diffLines("", "x")).toEqual([{ kind: "added", text: "x", oldLine: null, newLine: 1 }]);
  });

  it("rebuilds both versions and changes no more lines than needed", () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const diff = diffLines(a.join("\n"), b.join("\n"));
        const before = splitLines(a.join("\n"));
        const after = splitLines(b.join("\n"));
        expect(diff.filter((l) => l.kind !== "added").map((l) => l.text)).toEqual(before);
        expect(diff.filter((l) => l.kind !== "removed").map((l) => l.text)).toEqual(after);
        const edits = diff.filter((l) => l.kind !== "same").length;
        expect(edits).toBe(before.length + after.length - 2 * lcsLength(before, after));
      }),
      { numRuns: 300 },
    );
  });

  it("stays correct when the versions share nothing", () => {
    const a = Array.from({ length: 1500 }, (_, i) => `old ${i}`).join("\n");
    const b = Array.from({ length: 1500 }, (_, i) => `new ${i}`).join("\n");
    const diff = diffLines(a, b);
    expect(diff.filter((l) => l.kind === "removed")).toHaveLength(1500);
    expect(diff.filter((l) => l.kind === "added")).toHaveLength(1500);
  });
});
