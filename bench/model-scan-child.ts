/**
 * One measured model-scan step in its own process, so its peak memory is its own: argv[2] is JSON
 * `{ "mode": "scan" | "hash", "paths": [...] }`. Prints one JSON line: seconds, peak RSS, files and
 * findings (scan) or items (hash).
 */
import { resourceUsage } from "node:process";

const { mode, paths } = JSON.parse(process.argv[2] ?? "{}") as { mode: "scan" | "hash"; paths: string[] };
const modelscan = (await import("@openaims/modelscan")) as Record<string, unknown>;

const started = performance.now();
let detail: Record<string, unknown> = {};
if (mode === "scan") {
  const scanPaths = modelscan.scanPaths as
    | ((paths: string[]) => Promise<{ files: unknown[]; findings: { ruleId: string }[] }>)
    | undefined;
  if (!scanPaths) throw new Error("@openaims/modelscan does not export scanPaths");
  const report = await scanPaths(paths);
  detail = {
    files: report.files.length,
    findings: report.findings.length,
    rules: [...new Set(report.findings.map((f) => f.ruleId))],
  };
} else {
  const hashModel = (modelscan.hashModel ??
    (await import("../packages/modelscan/src/hashing/model-manifest.js")).hashModel) as (
    path: string,
  ) => Promise<{ items: unknown[] }>;
  let items = 0;
  for (const path of paths) items += (await hashModel(path)).items.length;
  detail = { items };
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ seconds, maxRssMb: resourceUsage().maxRSS / 1024, ...detail })}\n`);
