import { describe, expect, it } from "vitest";
import { lineRuns, measureText, paragraphDirection } from "./text-runs.js";

const described = (line: string) =>
  lineRuns(line, "regular", 10).runs.map((run) => ({ face: run.face.key, text: run.text, rtl: run.rtl ?? false }));

describe("lineRuns", () => {
  it("draws each script with a face that has its glyphs, keeping spaces in the run around them", () => {
    const runs = described("Policy 风险评估系统 Σύστημα Оценка");
    expect(runs.map((run) => run.text).join("")).toBe("Policy 风险评估系统 Σύστημα Оценка");
    // Noto Sans SC comes split into files by character, so Chinese text may take several faces.
    const chinese = runs.filter((run) => run.face.startsWith("noto-sans-sc-"));
    expect(chinese.map((run) => run.text.trim()).join("")).toBe("风险评估系统");
    expect(runs.find((run) => run.text.includes("Σύστημα"))?.face).toBe("noto-sans-greek-regular");
    expect(runs.find((run) => run.text.includes("Оценка"))?.face).toBe("noto-sans-cyrillic-regular");
  });

  it("orders an Arabic phrase right to left inside a left-to-right line, logical order within the run", () => {
    const runs = described("The model نظام التقييم (v2) is live");
    const arabic = runs.findIndex((run) => run.rtl);
    expect(runs[arabic]).toMatchObject({ face: "ibm-plex-sans-arabic-arabic-regular", text: "نظام التقييم" });
    expect(
      runs
        .slice(0, arabic)
        .map((run) => run.text)
        .join(""),
    ).toBe("The model ");
    expect(lineRuns("The model نظام التقييم", "regular", 10).rtl).toBe(false);
  });

  it("lays out an Arabic line right to left, with numbers and mirrored brackets in visual order", () => {
    const { runs, rtl } = lineRuns("نظام (٢) التقييم", "regular", 10);
    expect(rtl).toBe(true);
    expect(runs.map((run) => [run.text, run.rtl ?? false])).toEqual([
      ["التقييم", true],
      [" (", false],
      ["٢", false],
      [")", false],
      ["نظام ", true],
    ]);
  });

  it("aligns every line of a paragraph by the paragraph's first letter", () => {
    expect(paragraphDirection("نظام التقييم uses https://example.com")).toBe("rtl");
    expect(paragraphDirection("2025: نظام")).toBe("rtl");
    expect(paragraphDirection("Model نظام")).toBe("ltr");
    expect(lineRuns("https://example.com", "regular", 10, "rtl").rtl).toBe(true);
    expect(lineRuns("https://example.com", "regular", 10).rtl).toBe(false);
  });

  it("measures text as the sum of its runs, wider for more text", () => {
    const short = measureText("风险", "regular", 10);
    expect(short).toBeCloseTo(20, 0);
    expect(measureText("风险评估", "regular", 10)).toBeCloseTo(2 * short);
    expect(measureText("Treatment", "bold", 10)).toBeGreaterThan(measureText("Treatment", "regular", 10));
  });
});
