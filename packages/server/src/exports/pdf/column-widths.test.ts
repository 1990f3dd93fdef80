import { describe, expect, it } from "vitest";
import { columnWidths } from "./column-widths.js";

const total = (widths: number[]) => widths.reduce((sum, width) => sum + width, 0);

describe("columnWidths", () => {
  it("stretches columns whose lines all fit, in proportion to their widest line", () => {
    const widths = columnWidths(
      [
        { min: 10, max: 20 },
        { min: 10, max: 60 },
      ],
      160,
    );
    expect(widths).toEqual([40, 120]);
  });

  it("gives each column its widest word and shares the rest by how much wrapping it saves", () => {
    const widths = columnWidths(
      [
        { min: 30, max: 30 },
        { min: 20, max: 220 },
        { min: 50, max: 150 },
      ],
      200,
    );
    expect(widths[0]).toBe(30);
    expect(widths[1]).toBeCloseTo(20 + (200 * 100) / 300);
    expect(widths[2]).toBeCloseTo(50 + (100 * 100) / 300);
    expect(total(widths)).toBeCloseTo(200);
  });

  it("breaks only the longest words when the widest words do not fit, never a heading word", () => {
    const widths = columnWidths(
      [
        { min: 400, max: 400, floor: 30 },
        { min: 40, max: 40, floor: 40 },
        { min: 35, max: 35, floor: 20 },
      ],
      200,
    );
    expect(widths[1]).toBeGreaterThanOrEqual(40);
    expect(widths[2]).toBeGreaterThanOrEqual(35);
    expect(widths[0]).toBeCloseTo(125);
    expect(total(widths)).toBeCloseTo(200);
  });

  it("caps one word's claim at minCap, so a hash does not squeeze its neighbours", () => {
    const widths = columnWidths(
      [
        { min: 300, max: 300 },
        { min: 20, max: 200 },
      ],
      400,
      100,
    );
    expect(widths[0]).toBeLessThan(300);
    expect(widths[1]).toBeGreaterThan(100);
    expect(total(widths)).toBeCloseTo(400);
  });

  it("scales every column down together only when even the heading words do not fit", () => {
    const widths = columnWidths(
      [
        { min: 100, max: 100, floor: 100 },
        { min: 300, max: 300, floor: 300 },
      ],
      200,
    );
    expect(widths).toEqual([50, 150]);
  });
});
