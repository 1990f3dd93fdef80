import { describe, expect, it } from "vitest";
import { HeadKeyedCache } from "./head-keyed-cache.js";

describe("HeadKeyedCache", () => {
  const at = (ms: number) => new Date(1_700_000_000_000 + ms);

  it("computes once per key within the time limit, and again after it or for a new key", async () => {
    const cache = new HeadKeyedCache<number>(10, 1000);
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cache.get("org:1", at(0), compute)).toBe(1);
    expect(await cache.get("org:1", at(999), compute)).toBe(1);
    expect(await cache.get("org:2", at(999), compute)).toBe(2);
    expect(await cache.get("org:1", at(1000), compute)).toBe(3);
  });

  it("shares one computation between concurrent callers and forgets a failed one", async () => {
    const cache = new HeadKeyedCache<string>(10, 1000);
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error("database away");
    };
    await expect(Promise.all([cache.get("k", at(0), failing), cache.get("k", at(0), failing)])).rejects.toThrow();
    expect(calls).toBe(1);
    expect(await cache.get("k", at(1), async () => "fresh")).toBe("fresh");
  });

  it("keeps at most the given number of entries, dropping the oldest", async () => {
    const cache = new HeadKeyedCache<string>(2, 1000);
    await cache.get("a", at(0), async () => "a1");
    await cache.get("b", at(0), async () => "b1");
    await cache.get("c", at(0), async () => "c1");
    expect(await cache.get("a", at(1), async () => "a2")).toBe("a2");
    expect(await cache.get("c", at(1), async () => "c2")).toBe("c1");
  });
});
