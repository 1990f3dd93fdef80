import { describe, expect, it } from "vitest";
import { compareSorted, populationStabilityIndex } from "../stats/compare-sorted.js";
import { positiveClassOf, qualityMetrics } from "./model-quality.js";
import { TextDescriptorCollector } from "./text-column.js";

describe("model quality", () => {
  const rows = [
    { label: "1", prediction: "1", score: 0.9 },
    { label: "1", prediction: "0", score: 0.4 },
    { label: "0", prediction: "0", score: 0.1 },
    { label: "0", prediction: "1", score: 0.6 },
    { label: "0", prediction: "0", score: 0.4 },
  ];

  it("counts accuracy, binary and macro precision, recall and F1 for the positive class", () => {
    expect(positiveClassOf(["0", "1"])).toBe("1");
    expect(positiveClassOf(["no", "yes"])).toBe("yes");
    expect(positiveClassOf(["cat", "dog"])).toBe("dog");
    expect(positiveClassOf(["a", "b", "c"])).toBeNull();
    const m = qualityMetrics(rows, ["0", "1"], "1", true);
    expect(m.accuracy).toBeCloseTo(3 / 5, 12);
    expect(m.precision).toBeCloseTo(1 / 2, 12);
    expect(m.recall).toBeCloseTo(1 / 2, 12);
    expect(m.f1).toBeCloseTo(1 / 2, 12);
    // Class 0: precision 2/3, recall 2/3.
    expect(m.macroPrecision).toBeCloseTo((1 / 2 + 2 / 3) / 2, 12);
    expect(m.macroF1).toBeCloseTo((1 / 2 + 2 / 3) / 2, 12);
  });

  it("computes ROC AUC with ties counted half and the calibration error over ten bins", () => {
    const m = qualityMetrics(rows, ["0", "1"], "1", true);
    // Positive scores 0.9, 0.4 against negatives 0.1, 0.6, 0.4: wins 3 + 1 + 0.5 (tie) = 4.5 of 6.
    expect(m.rocAuc).toBeCloseTo(4.5 / 6, 12);
    // Score bins: 0.1 → bin 1 (0 positives of 1), 0.4 twice → bin 4 (1 of 2, mean score 0.4),
    // 0.6 → bin 6 (0 of 1), 0.9 → bin 9 (1 of 1).
    const expected = (1 / 5) * 0.1 + (2 / 5) * Math.abs(1 / 2 - 0.4) + (1 / 5) * 0.6 + (1 / 5) * 0.1;
    expect(m.calibrationError).toBeCloseTo(expected, 12);
    const labelsOnly = qualityMetrics(rows, ["0", "1"], "1", false);
    expect([labelsOnly.rocAuc, labelsOnly.calibrationError]).toEqual([null, null]);
  });
});

describe("population stability index on reference deciles", () => {
  it("bins at the reference's lower deciles, raises empty shares to 0.0001, and is zero for equal data", () => {
    const reference = Float64Array.from({ length: 100 }, (_, i) => i);
    const same = compareSorted(reference, Float64Array.from(reference));
    expect(same.psi.value).toBe(0);
    expect(same.psi.bins.map((b) => b.upper)).toEqual([9, 19, 29, 39, 49, 59, 69, 79, 89, null]);
    const shifted = compareSorted(
      reference,
      Float64Array.from({ length: 100 }, (_, i) => i + 50),
    );
    const currentShares = [0, 0, 0, 0, 0, 0.1, 0.1, 0.1, 0.1, 0.6];
    expect(shifted.psi.bins.map((b) => b.current)).toEqual(currentShares);
    expect(shifted.psi.value).toBeCloseTo(populationStabilityIndex(new Array(10).fill(0.1), currentShares), 14);
    const byHand = 5 * (0.0001 - 0.1) * Math.log(0.0001 / 0.1) + (0.6 - 0.1) * Math.log(0.6 / 0.1);
    expect(shifted.psi.value).toBeCloseTo(byHand, 12);
  });

  it("merges equal edges when the reference has ties", () => {
    const reference = Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
    const { psi } = compareSorted(reference, Float64Array.from(reference));
    expect(psi.bins.map((b) => [b.lower, b.upper])).toEqual([
      [null, 0],
      [0, 1],
      [1, null],
    ]);
  });
});

describe("text descriptors", () => {
  it("describe length in code points, non-ASCII share, personal data and language", () => {
    const collector = new TextDescriptorCollector();
    collector.add("Please write to anna.schmidt@example.com about the delivery of my order.");
    collector.add("Grüße aus München");
    collector.add("😀😀");
    const values = collector.values();
    expect(Array.from(values.length)).toEqual([2, 17, 72]);
    expect(values.nonAsciiShare[2]).toBe(1);
    expect(values.nonAsciiShare[1]).toBeCloseTo(3 / 17, 12);
    expect(values.pii.get("yes")).toBe(1);
    expect(values.pii.get("no")).toBe(2);
    expect(values.language.get("en")).toBe(1);
  });
});
