import { describe, expect, it } from "vitest";
import { UsageTracker } from "./usage-tracker.js";

const t0 = Date.UTC(2026, 11, 7, 23, 0, 0);

describe("UsageTracker", () => {
  it("counts calls in the last minute and hour and spending per UTC day", () => {
    const tracker = new UsageTracker();
    tracker.record("pay", 10, t0);
    tracker.record("pay", 5, t0 + 500);
    tracker.record("pay", 0, t0 + 30_000);
    tracker.record("other", 99, t0);
    expect(tracker.usage("pay", t0 + 30_000)).toEqual({ callsLastMinute: 3, callsLastHour: 3, spentToday: 15 });
    expect(tracker.usage("pay", t0 + 60_500)).toEqual({ callsLastMinute: 1, callsLastHour: 3, spentToday: 15 });
    expect(tracker.usage("pay", t0 + 3_600_000)).toEqual({ callsLastMinute: 0, callsLastHour: 1, spentToday: 0 });
    expect(tracker.usage("nothing", t0)).toEqual({ callsLastMinute: 0, callsLastHour: 0, spentToday: 0 });
  });

  it("stays bounded: buckets per second and a fixed number of tools", () => {
    const tracker = new UsageTracker(3);
    for (let i = 0; i < 10_000; i++) tracker.record("busy", 1, t0 + i * 10);
    expect(tracker.usage("busy", t0 + 99_990)).toMatchObject({ callsLastMinute: 6000, callsLastHour: 10_000 });
    for (const name of ["a", "b", "c"]) tracker.record(name, 0, t0);
    expect(tracker.usage("busy", t0).callsLastHour).toBe(0);
    expect(tracker.usage("c", t0).callsLastHour).toBe(1);
  });
});
