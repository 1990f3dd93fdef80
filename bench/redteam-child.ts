/**
 * One measured scan in its own process (so peak memory is the scanner's alone): reads its settings
 * from argv[2] as JSON and prints one JSON line with wall time, target latency and peak RSS. The scan
 * writes its transcript and summary, as `aims redteam` does.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseScanConfig, scanToFolder } from "@openaims/redteam";

const settings = JSON.parse(process.argv[2] ?? "{}") as {
  url: string;
  concurrency: number;
  cases: number;
  probes: string[];
  seed: number;
};
const config = parseScanConfig({
  target: { type: "openai", url: settings.url, model: "reference", retries: 0 },
  concurrency: settings.concurrency,
  seed: settings.seed,
  repeat: 1000,
  maxCases: settings.cases,
  probes: settings.probes,
});
// As a user runs it: the transcript streamed to disk and the summary written at the end.
const outDir = await mkdtemp(join(tmpdir(), "aims-bench-scan-"));
const started = performance.now();
const { summary } = await scanToFolder({ config, outDir, formats: ["json"] });
const wallMs = performance.now() - started;
await rm(outDir, { recursive: true, force: true });
const targetLatencyMs = summary.cases.reduce((sum, c) => sum + c.targetLatencyMs, 0);
const exchanges = summary.cases.reduce((sum, c) => sum + c.exchanges, 0);
process.stdout.write(
  `${JSON.stringify({
    wallMs,
    targetLatencyMs,
    exchanges,
    cases: summary.totals.cases,
    vulnerable: summary.totals.vulnerable,
    errors: summary.totals.error,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    resultDigest: summary.cases.map((c) => `${c.caseId}:${c.verdict}`).join(","),
  })}\n`,
);
