import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { benignGguf, ggufBytes, str } from "../testing/gguf-writer.js";
import { head, runScanner } from "../testing/run-scanner.js";
import { ggufScanner } from "./gguf-scanner.js";

describe("GGUF scanner", () => {
  it.each([
    ["version 3, little endian", {}],
    ["version 3, big endian", { bigEndian: true }],
    ["version 2", { version: 2 }],
    ["version 1", { version: 1 }],
  ])("passes an ordinary model (%s) without findings", async (_name, options) => {
    const bytes = benignGguf(undefined, options);
    expect(ggufScanner.sniff(head(bytes), bytes.byteLength, "m.bin")).toBe(true);
    expect((await runScanner(ggufScanner, bytes)).findings).toEqual([]);
  });

  it("flags a hostile chat template as critical, naming its key", async () => {
    const run = await runScanner(ggufScanner, benignGguf("{{ lipsum.__globals__['os'].popen('id').read() }}"));
    const found = run.findings.find((f) => f.ruleId === "gguf.template-sandbox-escape");
    expect(found?.severity).toBe("critical");
    expect(found?.location).toMatch(/^tokenizer\.chat_template@/);
  });

  it("analyses named templates too", async () => {
    const bytes = ggufBytes({
      metadata: [
        ["tokenizer.chat_template", str("{{ messages }}")],
        ["tokenizer.chat_template.tool_use", str("{{ ().__class__.__mro__ }}")],
      ],
    });
    const run = await runScanner(ggufScanner, bytes);
    expect(new Set(run.findings.map((f) => f.location.split("@")[0]))).toEqual(
      new Set(["tokenizer.chat_template.tool_use"]),
    );
  });

  const u32 = (value: number) => ({ type: "u32" as const, value });
  it.each([
    ["an unknown version", () => ggufBytes({ version: 7, metadata: [] }), "gguf.header"],
    ["a truncated file", () => benignGguf().subarray(0, 60), "gguf.header"],
    [
      "an impossible tensor count",
      () => {
        const bytes = ggufBytes({ metadata: [] });
        new DataView(bytes.buffer).setBigUint64(8, 2n ** 60n, true);
        return bytes;
      },
      "gguf.header",
    ],
    [
      "an impossible metadata count",
      () => {
        const bytes = ggufBytes({ metadata: [] });
        new DataView(bytes.buffer).setBigUint64(16, 2n ** 40n, true);
        return bytes;
      },
      "gguf.header",
    ],
    [
      "a string longer than the file",
      () => {
        const bytes = ggufBytes({ metadata: [["general.name", str("tiny")]] });
        // the value's length field follows the key (8 + 12 bytes) and its type (4 bytes)
        new DataView(bytes.buffer).setBigUint64(24 + 8 + 12 + 4, 2n ** 50n, true);
        return bytes;
      },
      "gguf.metadata",
    ],
    [
      "an unknown value type",
      () => {
        const bytes = ggufBytes({ metadata: [["general.x", u32(1)]] });
        new DataView(bytes.buffer).setUint32(24 + 8 + 9, 13, true);
        return bytes;
      },
      "gguf.metadata",
    ],
    [
      "an array longer than the file",
      () =>
        ggufBytes({ metadata: [["a", { type: "array", itemType: 4, items: [u32(1)] }]] }).map((b, i) =>
          i >= 24 + 8 + 1 + 4 + 4 && i < 24 + 8 + 1 + 4 + 4 + 8 ? (i === 24 + 8 + 1 + 4 + 4 + 6 ? 0xff : b) : b,
        ),
      "gguf.metadata",
    ],
    [
      "arrays nested too deeply",
      () => {
        let value: Parameters<typeof ggufBytes>[0]["metadata"][number][1] = u32(1);
        for (let i = 0; i < 12; i++) value = { type: "array", itemType: i === 0 ? 4 : 9, items: [value] };
        return ggufBytes({ metadata: [["deep", value]] });
      },
      "gguf.metadata",
    ],
    [
      "a repeated key",
      () =>
        ggufBytes({
          metadata: [
            ["a", u32(1)],
            ["a", u32(2)],
          ],
        }),
      "gguf.metadata",
    ],
    ["a bad alignment", () => ggufBytes({ metadata: [["general.alignment", u32(3)]] }), "gguf.alignment"],
    [
      "a tensor with five dimensions",
      () =>
        ggufBytes({ metadata: [], tensors: [{ name: "t", dims: [1, 1, 1, 1, 1], type: 0, offset: 0 }], dataBytes: 4 }),
      "gguf.tensor-info",
    ],
    [
      "a tensor of an unknown type",
      () => ggufBytes({ metadata: [], tensors: [{ name: "t", dims: [1], type: 4, offset: 0 }], dataBytes: 32 }),
      "gguf.tensor-info",
    ],
    [
      "an unaligned tensor",
      () => ggufBytes({ metadata: [], tensors: [{ name: "t", dims: [1], type: 0, offset: 4 }], dataBytes: 64 }),
      "gguf.tensor-info",
    ],
    [
      "tensor data past the end",
      () => ggufBytes({ metadata: [], tensors: [{ name: "t", dims: [1024], type: 0, offset: 0 }], dataBytes: 64 }),
      "gguf.tensor-info",
    ],
    [
      "a partial quantisation block",
      () => ggufBytes({ metadata: [], tensors: [{ name: "t", dims: [33], type: 8, offset: 0 }], dataBytes: 96 }),
      "gguf.tensor-info",
    ],
    [
      "a chat template that is not a string",
      () => ggufBytes({ metadata: [["tokenizer.chat_template", u32(1)]] }),
      "gguf.metadata",
    ],
  ])("flags %s", async (_name, build, ruleId) => {
    const run = await runScanner(ggufScanner, build());
    expect(run.ruleIds).toContain(ruleId);
  });

  it("never throws or hangs on random bytes or mutations of a valid file", async () => {
    const valid = benignGguf("{{ x.__class__ }}");
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }).map((b) => Uint8Array.from([0x47, 0x47, 0x55, 0x46, 3, 0, 0, 0, ...b])),
          fc
            .array(fc.tuple(fc.nat(valid.byteLength - 1), fc.integer({ min: 0, max: 255 })), {
              minLength: 1,
              maxLength: 6,
            })
            .map((edits) => {
              const copy = valid.slice();
              for (const [at, value] of edits) copy[at] = value;
              return copy;
            }),
          fc.nat(valid.byteLength).map((n) => valid.subarray(0, n)),
        ),
        async (bytes) => {
          await runScanner(ggufScanner, bytes);
        },
      ),
      { numRuns: 400 },
    );
  });
});
