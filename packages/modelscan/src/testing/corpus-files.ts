import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { type CorpusCase, corpusCases } from "./corpus-cases.js";

/** One manifest row: the case without its bytes. */
export type CorpusManifestEntry = Omit<CorpusCase, "bytes">;

export interface CorpusManifest {
  description: string;
  cases: CorpusManifestEntry[];
}

export function corpusManifest(cases: readonly CorpusCase[] = corpusCases()): CorpusManifest {
  return {
    description:
      "Regression corpus of the model scanner, built by packages/modelscan/corpus/make-corpus.ts: malicious files must be flagged at or above minSeverity by one of their rules, benign files must have no finding.",
    cases: cases.map(({ bytes: _bytes, ...entry }) => entry),
  };
}

/**
 * JSON laid out as the project's formatter (Biome) lays it out, so the generated manifest passes the
 * lint unchanged: objects one key a line, arrays of plain values on one line when they fit in 120
 * columns.
 */
function formatJson(value: unknown, indent: string, prefixLength: number): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every((v) => v === null || typeof v !== "object")) {
      const line = `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
      if (prefixLength + line.length + 1 <= 120) return line;
    }
    const inner = `${indent}  `;
    return `[\n${value.map((v) => `${inner}${formatJson(v, inner, inner.length)}`).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const inner = `${indent}  `;
    const lines = entries.map(([k, v]) => {
      const head = `${inner}${JSON.stringify(k)}: `;
      return `${head}${formatJson(v, inner, head.length)}`;
    });
    return `{\n${lines.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** The manifest as written: formatted JSON with a final newline. */
export function manifestText(manifest: CorpusManifest = corpusManifest()): string {
  return `${formatJson(manifest, "", 0)}\n`;
}

/**
 * Writes every case under `dir` (malicious/, benign/) and manifest.json, after removing the two
 * case folders so a case that was dropped does not linger.
 */
export async function writeCorpus(dir: string): Promise<CorpusCase[]> {
  const cases = corpusCases();
  await rm(join(dir, "malicious"), { recursive: true, force: true });
  await rm(join(dir, "benign"), { recursive: true, force: true });
  for (const c of cases) {
    const path = join(dir, c.file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, c.bytes);
  }
  await writeFile(join(dir, "manifest.json"), manifestText(corpusManifest(cases)));
  return cases;
}
