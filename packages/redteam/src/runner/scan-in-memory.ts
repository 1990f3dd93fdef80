/**
 * A scan kept in memory (the server's background scans): the summary, the HTML report and the
 * transcript as JSONL bytes, with the artifacts' hashes filled in.
 */

import type { ScanSummary } from "../model.js";
import type { TranscriptLine } from "../reports/transcript-writer.js";
import { type RunScanOptions, runScan } from "./run-scan.js";
import { renderReport, sha256Of } from "./write-scan-outputs.js";

export interface ScanInMemory {
  summary: ScanSummary;
  html: string;
  transcript: Buffer;
}

export async function scanInMemory(options: Omit<RunScanOptions, "onExchange">): Promise<ScanInMemory> {
  const lines: string[] = [];
  const run = await runScan({
    ...options,
    onExchange: (line: TranscriptLine) => lines.push(`${JSON.stringify(line)}\n`),
  });
  const transcript = Buffer.from(lines.join(""));
  const html = renderReport("html", run);
  const summary: ScanSummary = {
    ...run.summary,
    artifacts: [
      { kind: "transcript", file: "transcript.jsonl", sha256: sha256Of(transcript) },
      { kind: "html", file: "report.html", sha256: sha256Of(html) },
    ],
  };
  return { summary, html, transcript };
}
