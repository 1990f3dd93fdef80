/**
 * Writes a finished (or interrupted) run to a folder: the reports asked for, then summary.json
 * listing every file with its SHA-256. The transcript was written during the run.
 */
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { ReportFormat } from "../config/scan-config.js";
import type { ScanSummary } from "../model.js";
import { toHtml } from "../reports/html.js";
import { toJUnit } from "../reports/junit.js";
import { toSarif } from "../reports/sarif.js";
import type { ScanRun } from "./run-scan.js";

export const outputFileNames = {
  json: "summary.json",
  sarif: "results.sarif",
  junit: "junit.xml",
  html: "report.html",
  transcript: "transcript.jsonl",
} as const;

/** One report as text. */
export function renderReport(format: Exclude<ReportFormat, "json">, run: ScanRun, configFile?: string): string {
  switch (format) {
    case "sarif":
      return `${JSON.stringify(toSarif(run.summary, { probes: run.probes, ...(configFile ? { configFile } : {}) }), null, 2)}\n`;
    case "junit":
      return toJUnit(run.summary);
    case "html":
      return toHtml(run.summary, run.excerpts, { probes: run.probes });
  }
}

export interface WrittenOutputs {
  summary: ScanSummary;
  files: string[];
}

export async function writeScanOutputs(
  run: ScanRun,
  options: {
    outDir: string;
    formats: ReportFormat[];
    transcript: { file: string; sha256: string };
    configFile?: string;
  },
): Promise<WrittenOutputs> {
  const artifacts: ScanSummary["artifacts"] = [
    { kind: "transcript", file: basename(options.transcript.file), sha256: options.transcript.sha256 },
  ];
  const files = [options.transcript.file];
  for (const format of ["sarif", "junit", "html"] as const) {
    if (!options.formats.includes(format)) continue;
    const text = renderReport(format, run, options.configFile);
    const file = join(options.outDir, outputFileNames[format]);
    await writeFile(file, text);
    artifacts.push({ kind: format, file: basename(file), sha256: sha256Of(text) });
    files.push(file);
  }
  const summary = { ...run.summary, artifacts };
  if (options.formats.includes("json")) {
    const file = join(options.outDir, outputFileNames.json);
    await writeFile(file, `${JSON.stringify(summary, null, 2)}\n`);
    files.push(file);
  }
  return { summary, files };
}

export function sha256Of(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}
