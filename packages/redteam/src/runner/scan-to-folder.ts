/** A scan whose transcript and reports go to a folder: what the CLI and the bench run. */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { ReportFormat } from "../config/scan-config.js";
import { openTranscript } from "../reports/transcript-writer.js";
import { type RunScanOptions, runScan } from "./run-scan.js";
import { outputFileNames, type WrittenOutputs, writeScanOutputs } from "./write-scan-outputs.js";

export interface ScanToFolderOptions extends Omit<RunScanOptions, "onExchange"> {
  outDir: string;
  formats: ReportFormat[];
  /** The configuration file, named in SARIF locations. */
  configFile?: string;
}

export async function scanToFolder(options: ScanToFolderOptions): Promise<WrittenOutputs> {
  await mkdir(options.outDir, { recursive: true });
  const transcriptFile = join(options.outDir, outputFileNames.transcript);
  const transcript = await openTranscript(transcriptFile);
  let transcriptSha256 = "";
  // Lines already written stay valid even when the run throws: close the transcript either way.
  const run = await runScan({ ...options, onExchange: (line) => transcript.write(line) }).finally(() =>
    transcript.close().then((closed) => {
      transcriptSha256 = closed.sha256;
    }),
  );
  return writeScanOutputs(run, {
    outDir: options.outDir,
    formats: options.formats,
    transcript: { file: transcriptFile, sha256: transcriptSha256 },
    ...(options.configFile ? { configFile: options.configFile } : {}),
  });
}
