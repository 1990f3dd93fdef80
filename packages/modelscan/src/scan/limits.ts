import type { ScanLimits } from "./format-scanner.js";

/**
 * Limits that keep memory flat and time bounded whatever the input: big files are read in
 * windows and their payloads skipped, so these bound only what a hostile file can make the
 * scanner hold or expand.
 */
export const DEFAULT_LIMITS: ScanLimits = {
  maxStructureBytes: 64 * 1024 * 1024,
  maxMemoEntries: 1_000_000,
  maxStackDepth: 1_000_000,
  maxArchiveDepth: 4,
  maxArchiveEntries: 100_000,
  maxUncompressedBytes: 16 * 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
};

export function scanLimits(overrides: Partial<ScanLimits> = {}): ScanLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}
