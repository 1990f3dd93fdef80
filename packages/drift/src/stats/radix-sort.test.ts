import { describe, expect, it } from "vitest";
import { radixSortFloat64 } from "./radix-sort.js";

describe("radixSortFloat64", () => {
  it("orders negatives, zeros, ties, tiny and huge values as the comparison sort does", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const values = new Float64Array(50_000);
    for (let i = 0; i < values.length; i++) {
      const r = next();
      values[i] =
        r < 0.1
          ? Math.round(next() * 5) - 2
          : r < 0.2
            ? (next() - 0.5) * 1e-300
            : (next() - 0.5) * 10 ** Math.floor(next() * 40 - 20);
    }
    values[3] = Number.NEGATIVE_INFINITY;
    values[4] = Number.POSITIVE_INFINITY;
    values[5] = -0;
    const expected = Float64Array.from(values).sort();
    const sorted = radixSortFloat64(Float64Array.from(values));
    expect(Array.from(sorted).map((v) => (v === 0 ? 0 : v))).toEqual(
      Array.from(expected).map((v) => (v === 0 ? 0 : v)),
    );
  });
});
