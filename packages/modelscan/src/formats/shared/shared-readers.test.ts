import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bytesSource } from "../../scan/byte-source.js";
import { utf8, zip } from "../../testing/corpus-writers.js";
import { BufferedCursor, TruncatedError } from "./buffered-cursor.js";
import { escapingLocation } from "./relative-location.js";
import { parseStrictJson, StrictJsonError } from "./strict-json.js";
import { readZipDirectory, readZipEntry, ZipError } from "./zip-directory.js";

describe("strict JSON", () => {
  it("reads what JSON.parse reads, and names repeated keys by path", () => {
    const text = '{"a": [1, -2.5e3, true, null, "x\\u0041\\n"], "b": {"c": {}, "c": []}, "a": 0}';
    const { value, duplicates } = parseStrictJson(text);
    expect(JSON.stringify(value)).toBe(JSON.stringify(JSON.parse(text)));
    expect(duplicates).toEqual(["b.c", "a"]);
  });

  it.each(['{"a":1,}', "[1 2]", '{"a":1} x', "01", '"\\q"', '"tab\there"', "[".repeat(300) + "]".repeat(300)])(
    "refuses %s",
    (text) => {
      expect(() => parseStrictJson(text)).toThrow(StrictJsonError);
    },
  );

  it("agrees with JSON.parse on any JSON value", () => {
    fc.assert(
      fc.property(fc.json({ depthSize: "small" }), (text) => {
        expect(JSON.stringify(parseStrictJson(text).value)).toBe(JSON.stringify(JSON.parse(text)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("buffered cursor", () => {
  it("reads across its window and refuses to run past the end", async () => {
    const bytes = new Uint8Array(3 << 20).map((_, i) => i & 0xff);
    const cursor = new BufferedCursor(bytesSource(bytes));
    cursor.position = (1 << 20) - 2;
    await cursor.need(4);
    expect(cursor.u32()).toBe(new DataView(bytes.buffer).getUint32((1 << 20) - 2, true));
    cursor.skip((2 << 20) - 2);
    await expect(cursor.need(1)).rejects.toThrow(TruncatedError);
    expect(() => cursor.skip(1)).toThrow(TruncatedError);
  });
});

describe("relative locations", () => {
  it.each([
    ["weights.bin", null],
    ["sub/dir/../w.bin", null],
    ["../w.bin", "climbs"],
    ["sub\\..\\..\\w.bin", "climbs"],
    ["/abs", "absolute"],
    ["D:w.bin", "drive"],
    ["https://host/w", "URL"],
    ["a/COM1.txt", "device"],
    ["a\0b", "NUL"],
    ["", "empty"],
  ])("judges %j", (location, why) => {
    const result = escapingLocation(location);
    if (why === null) expect(result).toBeNull();
    else expect(result).toContain(why);
  });
});

describe("zip directory", () => {
  it("lists members and reads stored and deflated ones", async () => {
    const archive = zip([
      { name: "a.txt", data: utf8("stored") },
      { name: "b/c.json", data: utf8('{"x": 1}'), deflate: true },
    ]);
    const source = bytesSource(archive);
    const entries = await readZipDirectory(source, 10);
    expect(entries.map((e) => e.name)).toEqual(["a.txt", "b/c.json"]);
    const texts = await Promise.all(
      entries.map(async (e) => new TextDecoder().decode(await readZipEntry(source, e, 1000, 100))),
    );
    expect(texts).toEqual(["stored", '{"x": 1}']);
  });

  it("refuses too many members, oversized members and bombs before inflating them", async () => {
    const bomb = zip([{ name: "zeros", data: new Uint8Array(2_000_000), deflate: true }]);
    const source = bytesSource(bomb);
    const [entry] = await readZipDirectory(source, 10);
    if (!entry) throw new Error("no entry");
    await expect(readZipEntry(source, entry, 1_000_000, 1000)).rejects.toThrow(/above the limit/);
    await expect(readZipEntry(source, entry, 10_000_000, 100)).rejects.toThrow(/expands/);
    await expect(readZipDirectory(source, 0)).rejects.toThrow(ZipError);
  });
});
