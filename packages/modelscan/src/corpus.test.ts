import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ModelScanFinding, type ModelScanReport, modelScanReportSchema } from "@openaims/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { toSarif } from "./report/sarif.js";
import { scanPaths } from "./scan/scan-paths.js";
import type { CorpusManifest } from "./testing/corpus-files.js";
import { validateSarif } from "./testing/sarif.js";

/**
 * The regression corpus through the engine: one scan of the whole corpus folder, then per case —
 * every malicious file flagged at or above its expected severity by one of its expected rules, every
 * benign file without a finding — and the run's SARIF valid against the official schema.
 */

const corpusDir = fileURLToPath(new URL("../corpus", import.meta.url));
const manifest = JSON.parse(await readFile(join(corpusDir, "manifest.json"), "utf8")) as CorpusManifest;

const severityRank = { info: 0, low: 1, medium: 2, high: 3, critical: 4 } as const;

function ruleMatches(pattern: string, ruleId: string): boolean {
  if (pattern === "*") return true;
  if (pattern.endsWith(".*")) return ruleId.startsWith(pattern.slice(0, -1));
  return pattern === ruleId;
}

/** The case's path as the report names it: relative to the corpus folder, archive entries after `!`. */
function corpusPath(path: string): string {
  const at = path.search(/(^|\/)(malicious|benign)\//);
  return at < 0 ? path : path.slice(path[at] === "/" ? at + 1 : at);
}

function findingsOf(report: ModelScanReport, file: string): ModelScanFinding[] {
  return report.findings.filter((f) => {
    const path = corpusPath(f.file);
    return path === file || path.startsWith(`${file}!`);
  });
}

/**
 * Cases the engine does not pass yet, with why. Each runs as an expected failure, so the gap stays
 * visible and the test fails as soon as a case starts passing (then delete its line). Never lower a
 * case's expectation instead.
 */
const KNOWN_MISSES: Record<string, string> = {};

/** `it`, or `it.fails` for a known miss. */
const check = (id: string) => (id in KNOWN_MISSES ? it.fails : it);

let report: ModelScanReport;

beforeAll(async () => {
  report = await scanPaths([corpusDir]);
}, 60_000);

describe("the engine over the regression corpus", () => {
  it("writes a report that validates against the published format, with every corpus file in it", () => {
    expect(modelScanReportSchema.safeParse(report).success).toBe(true);
    const paths = new Set(report.files.map((f) => corpusPath(f.path)));
    for (const c of manifest.cases) expect(paths.has(c.file), c.file).toBe(true);
  });

  it("writes SARIF for the whole run that validates against the official SARIF 2.1.0 schema", async () => {
    const errors = await validateSarif(JSON.parse(JSON.stringify(toSarif(report))));
    expect(errors).toEqual([]);
  });

  const malicious = manifest.cases.filter((c) => c.verdict === "malicious");
  const benign = manifest.cases.filter((c) => c.verdict === "benign");

  for (const c of malicious)
    check(c.id)(`flags malicious ${c.id}`, () => {
      const found = findingsOf(report, c.file);
      const minimum = severityRank[c.minSeverity ?? "info"];
      const hit = found.find(
        (f) => severityRank[f.severity] >= minimum && (c.rules ?? []).some((rule) => ruleMatches(rule, f.ruleId)),
      );
      expect(
        hit,
        `${c.file}: wanted ${c.rules?.join(" | ")} at ≥ ${c.minSeverity}; got ${found.map((f) => `${f.ruleId}:${f.severity}`).join(", ") || "nothing"}`,
      ).toBeDefined();
    });

  for (const c of benign)
    check(c.id)(`passes benign ${c.id}`, () => {
      const file = report.files.find((f) => corpusPath(f.path) === c.file);
      expect(file?.status, c.file).toBe("scanned");
      expect(findingsOf(report, c.file).map((f) => `${f.ruleId}:${f.severity} ${f.title}`)).toEqual([]);
    });
});
