import { describe, expect, it } from "vitest";
import {
  expectedAt,
  hourOfWeek,
  learnBaseline,
  MAD_SCALE,
  medianAbsoluteDeviation,
  medianOfSorted,
  type SeriesPoint,
} from "./baseline.js";
import {
  defaultExfiltrationOptions,
  defaultInjectionBurstOptions,
  detectLevelShift,
  detectMarkerBurst,
  detectRefusalBurst,
  detectSpike,
  detectUnusualToolSequences,
  rateScale,
} from "./detectors.js";

/** A deterministic generator (mulberry32), so the series is the same on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Monday 2026-11-02 00:00 UTC; four weeks of hourly values: busy working hours, quiet nights.
const start = Date.UTC(2026, 10, 2);
const HOUR = 3_600_000;
function seasonalSeries(): SeriesPoint[] {
  const random = seeded(42);
  const points: SeriesPoint[] = [];
  for (let h = 0; h < 4 * 168; h++) {
    const at = new Date(start + h * HOUR);
    const hour = at.getUTCHours();
    const weekend = at.getUTCDay() === 0 || at.getUTCDay() === 6;
    const level = !weekend && hour >= 9 && hour < 18 ? 500 : 20;
    points.push({ at, value: level + (random() - 0.5) * level * 0.2 });
  }
  return points;
}

describe("baseline", () => {
  it("counts hours of the week from Monday 00:00 UTC", () => {
    expect(hourOfWeek(new Date(start))).toBe(0);
    expect(hourOfWeek(new Date(start + 25 * HOUR))).toBe(25);
    expect(hourOfWeek(new Date(start + 167 * HOUR))).toBe(167);
    expect(hourOfWeek(new Date(start + 168 * HOUR))).toBe(0);
  });

  it("takes the median and the median absolute deviation", () => {
    expect(medianOfSorted([1, 2, 3, 4])).toBe(2.5);
    expect(medianOfSorted([1, 2, 10])).toBe(2);
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100], 3)).toBe(1);
  });

  it("learns each hour of the week and scales the MAD by 1.4826", () => {
    const baseline = learnBaseline(seasonalSeries());
    const busy = expectedAt(baseline, new Date(Date.UTC(2026, 11, 2, 10)));
    const night = expectedAt(baseline, new Date(Date.UTC(2026, 11, 2, 3)));
    expect(busy?.source).toBe("slot");
    expect(busy?.points).toBe(4);
    expect(busy?.median).toBeGreaterThan(450);
    expect(night?.median).toBeLessThan(25);
    const values = [10, 12, 11, 30, 9];
    const own = expectedAt(
      learnBaseline(
        values.map((value, i) => ({ at: new Date(start + i * 168 * HOUR), value })),
        { absoluteFloor: 0 },
      ),
      new Date(start),
    );
    expect(own?.median).toBe(11);
    expect(own?.scale).toBeCloseTo(MAD_SCALE * 1, 12);
  });

  it("falls back to neighbouring hours, then all hours, then gives up", () => {
    const one = (h: number, value: number) => ({ at: new Date(start + h * HOUR), value });
    const neighbours = learnBaseline([one(9, 10), one(10, 12), one(12, 14)]);
    expect(expectedAt(neighbours, new Date(start + 10 * HOUR))?.source).toBe("neighbours");
    const spread = learnBaseline(Array.from({ length: 12 }, (_, i) => one(i * 12, 5)));
    expect(expectedAt(spread, new Date(start + 100 * HOUR))?.source).toBe("all");
    expect(expectedAt(learnBaseline([one(0, 1)]), new Date(start + 100 * HOUR))).toBeNull();
  });

  it("pools neighbouring hours across the turn of the week", () => {
    const one = (h: number, value: number) => ({ at: new Date(start + h * HOUR), value });
    // Sunday 22:00 and 23:00, Monday 01:00: Monday 00:00 borrows from both sides of midnight.
    const baseline = learnBaseline([one(166, 10), one(167, 20), one(169, 30)]);
    expect(expectedAt(baseline, new Date(start + 168 * HOUR))).toMatchObject({
      source: "neighbours",
      points: 3,
      median: 20,
    });
  });

  it("never lets the spread fall below its floor", () => {
    const flat = learnBaseline(
      Array.from({ length: 4 }, (_, i) => ({ at: new Date(start + i * 168 * HOUR), value: 200 })),
    );
    expect(expectedAt(flat, new Date(start))?.scale).toBe(20);
  });
});

describe("detectSpike", () => {
  const baseline = learnBaseline(seasonalSeries());
  it("flags a value at a quiet hour that is ordinary at a busy hour", () => {
    const quiet = expectedAt(baseline, new Date(Date.UTC(2026, 11, 2, 3)));
    const busy = expectedAt(baseline, new Date(Date.UTC(2026, 11, 2, 11)));
    if (!quiet || !busy) throw new Error("the baseline should know both hours");
    expect(detectSpike(480, 480, quiet)?.level).toBe("critical");
    expect(detectSpike(480, 480, busy)).toBeNull();
  });

  it("needs a minimum count", () => {
    const quiet = expectedAt(baseline, new Date(Date.UTC(2026, 11, 2, 3)));
    if (!quiet) throw new Error("the baseline should know the hour");
    expect(detectSpike(15, 15, { ...quiet, median: 0, scale: 1 })).toBeNull();
    expect(detectSpike(25, 25, { ...quiet, median: 0, scale: 1 })?.level).toBe("critical");
  });

  it("takes counting noise as the least spread of a rate", () => {
    expect(rateScale({ median: 100, scale: 1, source: "slot", points: 4 }, 4)).toBe(5);
  });
});

describe("detectLevelShift", () => {
  const expected = { median: 100, scale: 10, source: "slot" as const, points: 4 };
  it("signals a sustained shift but not one outlier", () => {
    const normal = Array.from({ length: 12 }, (_, i) => ({ value: 100 + (i % 3) * 5 - 5, expected }));
    expect(detectLevelShift(normal)).toBeNull();
    expect(detectLevelShift([...normal, { value: 10_000, expected }])).toBeNull();
    const shifted = [...normal, ...Array.from({ length: 4 }, () => ({ value: 140, expected }))];
    expect(detectLevelShift(shifted)).toMatchObject({ direction: "up", level: "warning", score: 10 });
    const down = [...normal, ...Array.from({ length: 7 }, () => ({ value: 40, expected }))];
    expect(detectLevelShift(down)).toMatchObject({ direction: "down", level: "critical" });
  });
});

describe("detectRefusalBurst", () => {
  it("flags a burst against the baseline share and ignores ordinary refusals", () => {
    const baseline = { refusals: 20, requests: 1000 };
    expect(detectRefusalBurst({ refusals: 2, requests: 100 }, baseline)).toBeNull();
    expect(detectRefusalBurst({ refusals: 4, requests: 5 }, baseline)).toBeNull();
    expect(detectRefusalBurst({ refusals: 15, requests: 100 }, baseline)?.level).toBe("warning");
    expect(detectRefusalBurst({ refusals: 30, requests: 40 }, baseline)?.level).toBe("critical");
  });
});

describe("detectMarkerBurst", () => {
  it("makes a burst of injection markers from a caller critical", () => {
    expect(detectMarkerBurst(1, 0, defaultInjectionBurstOptions)).toBeNull();
    expect(detectMarkerBurst(3, 0, defaultInjectionBurstOptions)?.level).toBe("warning");
    expect(detectMarkerBurst(6, 0, defaultInjectionBurstOptions)?.level).toBe("critical");
    // A caller whose inputs are often marked (a red-team account) needs more.
    expect(detectMarkerBurst(6, 2, defaultInjectionBurstOptions)).toBeNull();
    expect(detectMarkerBurst(1, 0, defaultExfiltrationOptions)?.level).toBe("warning");
  });
});

describe("detectUnusualToolSequences", () => {
  const old = new Date(start);
  const since = new Date(start + 100 * HOUR);
  const later = new Date(start + 101 * HOUR);
  it("flags transitions never seen before in a system with history", () => {
    const history = [
      { from: "search", to: "summarise", count: 500, firstSeenAt: old },
      { from: "summarise", to: "reply", count: 500, firstSeenAt: old },
    ];
    expect(detectUnusualToolSequences(history, since)).toBeNull();
    const found = detectUnusualToolSequences(
      [...history, { from: "search", to: "send_email", count: 1, firstSeenAt: later }],
      since,
    );
    expect(found?.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(["search>send_email"]);
    expect(detectUnusualToolSequences([{ from: "a", to: "b", count: 1, firstSeenAt: later }], since)).toBeNull();
  });
});
