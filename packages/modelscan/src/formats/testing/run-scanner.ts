import { bytesSource } from "../../scan/byte-source.js";
import type { FormatScanner, RawFinding, ScanContext, ScanLimits } from "../../scan/format-scanner.js";

export const testLimits: ScanLimits = {
  maxStructureBytes: 64 * 1024 * 1024,
  maxMemoEntries: 100_000,
  maxStackDepth: 10_000,
  maxArchiveDepth: 4,
  maxArchiveEntries: 10_000,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
};

export interface ScannerRun {
  findings: RawFinding[];
  nested: { path: string; bytes: Uint8Array }[];
  ruleIds: string[];
}

/** Runs one format scanner on bytes in memory with a context that collects what it reports. */
export async function runScanner(
  scanner: FormatScanner,
  bytes: Uint8Array,
  options: { name?: string; limits?: Partial<ScanLimits> } = {},
): Promise<ScannerRun> {
  const findings: RawFinding[] = [];
  const nested: ScannerRun["nested"] = [];
  const name = options.name ?? "model.bin";
  const context: ScanContext = {
    path: name,
    name,
    depth: 0,
    limits: { ...testLimits, ...options.limits },
    report: (finding) => findings.push(finding),
    async scanNested(path, source) {
      nested.push({ path, bytes: await source.read(0, source.size) });
    },
  };
  await scanner.scan(bytesSource(bytes), context);
  return { findings, nested, ruleIds: [...new Set(findings.map((f) => f.ruleId))].sort() };
}

export function head(bytes: Uint8Array): Uint8Array {
  return bytes.subarray(0, 4096);
}
