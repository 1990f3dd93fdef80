import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { corpusCases } from "./testing/corpus-cases.js";
import { writeCorpus } from "./testing/corpus-files.js";

const committed = fileURLToPath(new URL("../corpus", import.meta.url));

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)));
  }
  return out.filter((f) => f !== "make-corpus.ts" && f !== "README.md").sort();
}

describe("the committed regression corpus", () => {
  let fresh = "";
  afterAll(async () => {
    if (fresh) await rm(fresh, { recursive: true, force: true });
  });

  it("is exactly what make-corpus.ts writes, byte for byte", async () => {
    fresh = await mkdtemp(join(tmpdir(), "aims-corpus-"));
    await writeCorpus(fresh);
    const expected = await listFiles(fresh);
    expect(await listFiles(committed)).toEqual(expected);
    for (const file of expected) {
      const [a, b] = await Promise.all([readFile(join(fresh, file)), readFile(join(committed, file))]);
      expect(
        Buffer.compare(a, b),
        `${file} is stale: run node --import tsx packages/modelscan/corpus/make-corpus.ts`,
      ).toBe(0);
    }
  });

  it("is the same on a second run (no clocks, no randomness)", () => {
    const first = corpusCases();
    const second = corpusCases();
    expect(second.map((c) => c.file)).toEqual(first.map((c) => c.file));
    first.forEach((c, i) => {
      expect(Buffer.compare(Buffer.from(c.bytes), Buffer.from(second[i]?.bytes ?? new Uint8Array()))).toBe(0);
    });
  });

  it("gives every malicious case an expectation and a source, and every case a description", () => {
    for (const c of corpusCases()) {
      expect(c.sources.length, c.id).toBeGreaterThan(0);
      for (const source of c.sources) expect(source, c.id).toMatch(/^https:\/\//);
      expect(c.description.length, c.id).toBeGreaterThan(20);
      if (c.verdict === "malicious") {
        expect(c.minSeverity, c.id).toBeDefined();
        expect(c.rules?.length, c.id).toBeGreaterThan(0);
      } else {
        expect(c.minSeverity, c.id).toBeUndefined();
      }
    }
  });
});
