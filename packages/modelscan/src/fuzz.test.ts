import { execFileSync } from "node:child_process";
import { chmod, copyFile, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { modelScanReportSchema } from "@openaims/contracts";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { formatScanners } from "./formats/index.js";
import { runScanner } from "./formats/testing/run-scanner.js";
import type { FormatScanner } from "./scan/format-scanner.js";
import { scanBytes, scanPaths } from "./scan/scan-paths.js";
import type { CorpusManifest } from "./testing/corpus-files.js";
import { concat, gguf, PickleWriter, reducePickle, stringArgs, u64, utf8, zip } from "./testing/corpus-writers.js";

/**
 * Hostile input for every registered format scanner: random bytes behind the format's magic,
 * mutations of the regression corpus (bit flips, truncations, inserted bytes) and hand-made
 * extremes. A scanner must never throw for bad bytes (a malformed file is a finding), never hang,
 * and only report rules it publishes.
 */

const corpusDir = fileURLToPath(new URL("../corpus", import.meta.url));
const manifest = JSON.parse(await readFile(join(corpusDir, "manifest.json"), "utf8")) as CorpusManifest;
const corpus = await Promise.all(
  manifest.cases.map(async (c) => ({
    name: c.file.split("/").pop() ?? c.file,
    bytes: new Uint8Array(await readFile(join(corpusDir, c.file))),
  })),
);

/**
 * Per run: the scan must finish well inside this, whatever the input. The budgets catch hangs and
 * runaway work, not speed: the machine running the tests may be shared and loaded.
 */
const RUN_BUDGET_MS = 2_000;

function scannerFor(bytes: Uint8Array, name: string): FormatScanner | undefined {
  return formatScanners.find((s) => s.sniff(bytes.subarray(0, 4096), bytes.byteLength, name));
}

async function survives(scanner: FormatScanner, bytes: Uint8Array, name: string): Promise<void> {
  const started = performance.now();
  const run = await runScanner(scanner, bytes, { name });
  const elapsed = performance.now() - started;
  expect(elapsed, `${scanner.format} took ${elapsed.toFixed(0)} ms on ${bytes.byteLength} bytes`).toBeLessThan(
    RUN_BUDGET_MS,
  );
  for (const finding of run.findings) {
    expect(finding.ruleId).toMatch(/^[a-z0-9-]+\.[a-z0-9.-]+$/);
    expect(finding.title.length).toBeGreaterThan(0);
  }
}

/**
 * Scanners known to throw on some malformed input instead of reporting it (the engine still turns
 * the error into a finding), with the shrunk counterexample. Their mutation test runs as an expected
 * failure until fixed; then delete the line.
 */
const KNOWN_THROWS: Record<string, string> = {};

/** A mutation of bytes: flip bits, truncate, insert or overwrite a run of bytes. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 16 }) }),
  fc.record({ kind: fc.constant("overwrite" as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 8 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out: Uint8Array = bytes.slice();
  for (const m of mutations) {
    if (out.byteLength === 0) break;
    const at = m.at % out.byteLength;
    if (m.kind === "flip") out[at] = (out[at] as number) ^ (1 << m.bit);
    else if (m.kind === "truncate") out = out.slice(0, at);
    else if (m.kind === "insert") out = concat([out.subarray(0, at), m.bytes, out.subarray(at)]);
    else out.set(m.bytes.subarray(0, out.byteLength - at), at);
  }
  return out;
}

describe("format scanners under hostile input", () => {
  it("has scanners to fuzz", () => {
    expect(formatScanners.length).toBeGreaterThan(0);
  });

  // Every scanner that recognises at least one corpus file; the test below checks which those are.
  for (const scanner of formatScanners.filter((s) => corpus.some((c) => scannerFor(c.bytes, c.name) === s))) {
    const seeds = corpus.filter((c) => scannerFor(c.bytes, c.name) === scanner);

    it(`${scanner.format}: random bytes behind a corpus file's first bytes never throw or hang`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: seeds.length - 1 }),
          fc.nat({ max: 64 }),
          fc.uint8Array({ maxLength: 2048 }),
          async (seed, keep, tail) => {
            const base = (seeds[seed] as (typeof seeds)[number]).bytes;
            await survives(scanner, concat([base.subarray(0, keep), tail]), "fuzz.bin");
          },
        ),
        { numRuns: 80, seed: 42 },
      );
    });

    const mutatedTest = scanner.format in KNOWN_THROWS ? it.fails : it;
    mutatedTest(`${scanner.format}: mutated corpus files never throw or hang`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: seeds.length - 1 }),
          fc.array(mutation, { minLength: 1, maxLength: 6 }),
          async (seed, mutations) => {
            const c = seeds[seed] as (typeof seeds)[number];
            await survives(scanner, mutate(c.bytes, mutations), c.name);
          },
        ),
        { numRuns: 100, seed: 7 },
      );
    });
  }

  it("covers the safetensors, GGUF and ONNX corpus files", () => {
    const formats = new Set(corpus.map((c) => scannerFor(c.bytes, c.name)?.format).filter(Boolean));
    for (const format of ["safetensors", "gguf", "onnx"]) expect(formats).toContain(format);
  });
});

describe("hand-made extremes", () => {
  const cases: [string, string, Uint8Array][] = [
    [
      "a GGUF claiming 2^60 metadata pairs",
      "huge.gguf",
      gguf([["general.architecture", { type: "string", value: "llama" }]], [], { kv: 1n << 60n }),
    ],
    ["a GGUF claiming 2^60 tensors", "tensors.gguf", gguf([], [], { tensors: 1n << 60n })],
    [
      "a GGUF string of length 2^63",
      "string.gguf",
      concat([utf8("GGUF"), Uint8Array.of(3, 0, 0, 0), u64(0), u64(1), u64(1n << 63n), utf8("key")]),
    ],
    [
      "a safetensors shape whose product overflows",
      "overflow.safetensors",
      (() => {
        const json = utf8(
          '{"a":{"dtype":"F64","shape":[4294967296,4294967296,4294967296],"data_offsets":[0,8]}}      ',
        );
        return concat([u64(json.byteLength), json, new Uint8Array(8)]);
      })(),
    ],
    [
      "a safetensors header nested 100,000 deep",
      "deep.safetensors",
      (() => {
        const json = utf8(`{"__metadata__":${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
        return concat([u64(json.byteLength), json]);
      })(),
    ],
  ];

  it.each(cases)("%s is reported, not a crash", async (_label, name, bytes) => {
    const scanner = scannerFor(bytes, name);
    expect(scanner, `no scanner recognised ${name}`).toBeDefined();
    if (!scanner) return;
    await survives(scanner, bytes, name);
    const run = await runScanner(scanner, bytes, { name });
    expect(run.findings.length).toBeGreaterThan(0);
  });
});

/** Scans bytes with the whole engine and checks the report: valid, bounded in time, never a throw. */
async function engineSurvives(name: string, bytes: Uint8Array, budgetMs = RUN_BUDGET_MS) {
  const started = performance.now();
  const report = await scanBytes(name, bytes);
  const elapsed = performance.now() - started;
  expect(elapsed, `${name}: ${elapsed.toFixed(0)} ms on ${bytes.byteLength} bytes`).toBeLessThan(budgetMs);
  const parsed = modelScanReportSchema.safeParse(JSON.parse(JSON.stringify(report)));
  expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  expect(report.files.length).toBeGreaterThan(0);
  return report;
}

describe("the engine under hostile input", () => {
  it("never throws on random bytes and always returns a valid report", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        await engineSurvives("random.bin", bytes);
      }),
      { numRuns: 60, seed: 3 },
    );
  });

  it("never throws on mutated corpus files of any format", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: corpus.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        async (seed, mutations) => {
          const c = corpus[seed] as (typeof corpus)[number];
          await engineSurvives(c.name, mutate(c.bytes, mutations));
        },
      ),
      { numRuns: 100, seed: 11 },
    );
  });

  it("reports a pickle nested 100,000 lists deep and 100,000 MARKs deep", async () => {
    const lists = concat([
      Uint8Array.of(0x80, 0x04),
      new Uint8Array(100_000).fill(0x5d),
      new Uint8Array(99_999).fill(0x61),
      Uint8Array.of(0x2e),
    ]);
    await engineSurvives("nested-lists.pkl", lists, 8_000);
    const marks = concat([Uint8Array.of(0x80, 0x04), new Uint8Array(100_000).fill(0x28), Uint8Array.of(0x4e, 0x2e)]);
    await engineSurvives("nested-marks.pkl", marks, 8_000);
  }, 30_000);

  it("bounds a memo of a million and one entries", async () => {
    const w = new PickleWriter().proto(4).none();
    const memo = concat([w.bytes(), new Uint8Array(1_000_001).fill(0x94), Uint8Array.of(0x2e)]);
    const report = await engineSurvives("memo.pkl", memo, 8_000);
    expect(report.findings.map((f) => f.ruleId)).toContain("pickle.limit-exceeded");
  }, 30_000);

  it("reports a malicious pickle behind ten zips in zips (the depth limit or the pickle, never nothing)", async () => {
    let bytes = reducePickle("os", "system", stringArgs("echo corpus"), 2);
    for (let depth = 0; depth < 10; depth++)
      bytes = zip([{ name: depth === 0 ? "archive/data.pkl" : `level${depth}.zip`, data: bytes }]);
    const report = await engineSurvives("nested.zip", bytes, 8_000);
    expect(report.findings.length).toBeGreaterThan(0);
  }, 30_000);

  it("reports a zip bomb (10 MB of zeros deflated a thousandfold) without inflating it whole", async () => {
    const bomb = zip([{ name: "weights.bin", data: new Uint8Array(10 * 1024 * 1024), deflate: true }]);
    expect(bomb.byteLength).toBeLessThan(100_000);
    const report = await engineSurvives("bomb.zip", bomb, 8_000);
    expect(report.findings.length).toBeGreaterThan(0);
  }, 30_000);

  it.each([
    ["a GGUF claiming 2^60 metadata pairs", "huge.gguf", gguf([], [], { kv: 1n << 60n })],
    [
      "a safetensors header length of 2^63",
      "huge.safetensors",
      concat([u64(1n << 63n), utf8('{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}')]),
    ],
  ])("reports %s", async (_label, name, bytes) => {
    const report = await engineSurvives(name, bytes);
    expect(report.findings.length).toBeGreaterThan(0);
  });
});

describe("a folder with a file that cannot be read", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  async function folderWith(extra: (dir: string) => Promise<string>) {
    const dir = await mkdtemp(join(tmpdir(), "aims-unreadable-"));
    dirs.push(dir);
    await copyFile(join(corpusDir, "benign/model.safetensors"), join(dir, "a-good.safetensors"));
    await writeFile(join(dir, "b-evil.pkl"), reducePickle("os", "system", stringArgs("echo corpus"), 2));
    const name = await extra(dir);
    return { dir, name };
  }

  function checkRest(report: Awaited<ReturnType<typeof scanPaths>>, name: string) {
    expect(modelScanReportSchema.safeParse(report).success).toBe(true);
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    expect(byPath.get("a-good.safetensors")?.status).toBe("scanned");
    expect(byPath.get("b-evil.pkl")?.status).toBe("scanned");
    expect(report.findings.some((f) => f.file === "b-evil.pkl" && f.severity === "critical")).toBe(true);
    const bad = byPath.get(name);
    expect(bad, `${name} is not named in the report`).toBeDefined();
    expect(bad?.status).not.toBe("scanned");
    expect(bad?.error?.length).toBeGreaterThan(0);
  }

  const root = process.getuid?.() === 0;

  it.skipIf(root)("names a file without read permission and reports the rest", async () => {
    const { dir, name } = await folderWith(async (d) => {
      await writeFile(join(d, "c-locked.bin"), "secret");
      await chmod(join(d, "c-locked.bin"), 0o000);
      return "c-locked.bin";
    });
    checkRest(await scanPaths([dir]), name);
  });

  it("names a dangling symbolic link and reports the rest", async () => {
    const { dir, name } = await folderWith(async (d) => {
      await symlink(join(d, "missing.pt"), join(d, "c-dangling.pt"));
      return "c-dangling.pt";
    });
    checkRest(await scanPaths([dir]), name);
  });

  // A FIFO is not a regular file: opening it would block, so the engine must name it and move on.
  it("names a FIFO it cannot scan and reports the rest", async () => {
    const { dir, name } = await folderWith(async (d) => {
      execFileSync("mkfifo", [join(d, "c-pipe.bin")]);
      return "c-pipe.bin";
    });
    checkRest(await scanPaths([dir]), name);
  });
});
