import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { head, runScanner } from "../testing/run-scanner.js";
import { benignSafetensors, safetensorsBytes } from "../testing/safetensors-writer.js";
import { safetensorsScanner } from "./safetensors-scanner.js";

const tensor = (dtype: string, shape: unknown, offsets: unknown) => ({ dtype, shape, data_offsets: offsets });

describe("safetensors scanner", () => {
  it("recognises a safetensors file by its header and passes a valid one without findings", async () => {
    const bytes = benignSafetensors();
    expect(safetensorsScanner.sniff(head(bytes), bytes.byteLength, "x.bin")).toBe(true);
    expect((await runScanner(safetensorsScanner, bytes)).findings).toEqual([]);
  });

  it("does not take other files for safetensors", () => {
    const zip = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0x7b, 0]);
    expect(safetensorsScanner.sniff(zip, 10, "model.safetensors")).toBe(false);
    const text = new TextEncoder().encode("12345678{not json");
    expect(safetensorsScanner.sniff(text, text.byteLength, "model.safetensors")).toBe(false);
  });

  it("recognises a header whose length runs past the file, and reports the length", async () => {
    const huge = safetensorsBytes("{}", 0);
    new DataView(huge.buffer).setUint32(0, 1000, true);
    expect(safetensorsScanner.sniff(head(huge), huge.byteLength, "model.safetensors")).toBe(true);
    const { findings } = await runScanner(safetensorsScanner, huge);
    expect(findings.map((f) => f.ruleId)).toEqual(["safetensors.header-length"]);
  });

  it.each([
    [
      "header length past the end",
      () => {
        const bytes = safetensorsBytes({});
        new DataView(bytes.buffer).setUint32(0, 5000, true);
        return bytes;
      },
      "safetensors.header-length",
    ],
    ["truncated before the length", () => new Uint8Array([1, 2, 3]), "safetensors.header-length"],
    [
      "invalid UTF-8",
      () => safetensorsBytes(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 0),
      "safetensors.header-json",
    ],
    ["not JSON", () => safetensorsBytes('{"a": ', 0), "safetensors.header-json"],
    ["an array", () => safetensorsBytes("[1, 2]", 0), "safetensors.header-json"],
    [
      "duplicate keys",
      () =>
        safetensorsBytes(
          '{"w":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"w":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}}',
          1,
        ),
      "safetensors.duplicate-key",
    ],
    ["unknown dtype", () => safetensorsBytes({ w: tensor("F128", [1], [0, 16]) }, 16), "safetensors.dtype"],
    ["negative shape", () => safetensorsBytes({ w: tensor("U8", [-1], [0, 0]) }, 0), "safetensors.shape"],
    ["fractional shape", () => safetensorsBytes({ w: tensor("U8", [1.5], [0, 0]) }, 0), "safetensors.shape"],
    ["size mismatch", () => safetensorsBytes({ w: tensor("F32", [3], [0, 8]) }, 8), "safetensors.size-mismatch"],
    [
      "sub-byte tensor not filling bytes",
      () => safetensorsBytes({ w: tensor("F4", [3], [0, 1]) }, 1),
      "safetensors.size-mismatch",
    ],
    ["reversed offsets", () => safetensorsBytes({ w: tensor("U8", [0], [4, 0]) }, 4), "safetensors.offsets"],
    ["offsets past the data", () => safetensorsBytes({ w: tensor("U8", [8], [0, 8]) }, 4), "safetensors.offsets"],
    ["offsets not integers", () => safetensorsBytes({ w: tensor("U8", [1], ["0", 1]) }, 1), "safetensors.offsets"],
    [
      "overlapping tensors",
      () => safetensorsBytes({ a: tensor("U8", [4], [0, 4]), b: tensor("U8", [4], [2, 6]) }, 6),
      "safetensors.overlap",
    ],
    [
      "gap between tensors",
      () => safetensorsBytes({ a: tensor("U8", [2], [0, 2]), b: tensor("U8", [2], [4, 6]) }, 6),
      "safetensors.unindexed-bytes",
    ],
    [
      "trailing payload",
      () => safetensorsBytes({ a: tensor("U8", [2], [0, 2]) }, new TextEncoder().encode("PK\x03\x04hidden zip")),
      "safetensors.unindexed-bytes",
    ],
    ["metadata that is not a string", () => safetensorsBytes({ __metadata__: { n: 1 } }, 0), "safetensors.metadata"],
    ["padding that is not spaces", () => safetensorsBytes("{}\n\n\n\n\n\n", 0, false), "safetensors.padding"],
    ["tensor entry not an object", () => safetensorsBytes({ w: "evil" }, 0), "safetensors.tensor-entry"],
  ])("flags %s", async (_name, build, ruleId) => {
    const run = await runScanner(safetensorsScanner, build());
    expect(run.ruleIds).toContain(ruleId);
    for (const finding of run.findings) expect(finding.title.length).toBeGreaterThan(0);
  });

  it("names the tensor at fault", async () => {
    const run = await runScanner(safetensorsScanner, safetensorsBytes({ "layers.3.w": tensor("F32", [3], [0, 8]) }, 8));
    expect(run.findings[0]?.location).toBe('tensor "layers.3.w"');
  });

  it("reads only the header of a large file", async () => {
    const header = safetensorsBytes({ w: tensor("U8", [2 ** 31], [0, 2 ** 31]) }, 0);
    const reads: number[] = [];
    const source = {
      size: header.byteLength + 2 ** 31,
      async read(offset: number, length: number) {
        reads.push(length);
        return header.subarray(offset, Math.min(offset + length, header.byteLength));
      },
      async close() {},
    };
    const findings: unknown[] = [];
    await safetensorsScanner.scan(source, {
      path: "big.safetensors",
      name: "big.safetensors",
      depth: 0,
      limits: (await import("../testing/run-scanner.js")).testLimits,
      report: (f) => findings.push(f),
      scanNested: async () => {},
    });
    expect(findings).toEqual([]);
    expect(Math.max(...reads)).toBeLessThan(4096);
  });

  it("caps the findings of one rule and says how many more there were", async () => {
    const header: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) header[`t${i}`] = tensor("X", [1], [i, i + 1]);
    const run = await runScanner(safetensorsScanner, safetensorsBytes(header, 200));
    expect(run.findings.filter((f) => f.ruleId === "safetensors.dtype")).toHaveLength(51);
    expect(run.findings.at(-1)?.title).toBe("150 more findings of this kind");
  });

  it("never throws on random bytes or on mutations of a valid file", async () => {
    const valid = benignSafetensors();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 600 }),
          fc
            .array(fc.tuple(fc.nat(valid.byteLength - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 })
            .map((edits) => {
              const copy = valid.slice();
              for (const [at, value] of edits) copy[at] = value;
              return copy;
            }),
        ),
        async (bytes) => {
          await runScanner(safetensorsScanner, bytes);
        },
      ),
      { numRuns: 300 },
    );
  });
});
