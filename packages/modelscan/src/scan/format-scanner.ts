import type { LicencePolicy, ModelFormat, ModelScanSeverity } from "@openaims/contracts";
import type { ByteSource } from "./byte-source.js";

/** A finding as a format scanner reports it; the engine adds the file, tags and fingerprint from the rule. */
export interface RawFinding {
  ruleId: string;
  /** Overrides the rule's default severity (e.g. a known code-execution global is critical). */
  severity?: ModelScanSeverity;
  location: string;
  /** One line, plain words: what was found. */
  title: string;
  /** What it means and what to do. */
  detail: string;
}

/** Limits every scanner honours, so a hostile file is reported, never a crash, a hang or a memory blow-up. */
export interface ScanLimits {
  /** Largest pickle (or other structure) read into memory at once. */
  maxStructureBytes: number;
  /** Memo entries, stack depth and nesting of containers in an emulated pickle. */
  maxMemoEntries: number;
  maxStackDepth: number;
  /** Archives inside archives. */
  maxArchiveDepth: number;
  /** Entries per archive, total uncompressed bytes per archive, and the largest compression ratio. */
  maxArchiveEntries: number;
  maxUncompressedBytes: number;
  maxCompressionRatio: number;
}

export interface ScanContext {
  /** The file's display path (relative; `outer.zip!inner` inside archives). */
  path: string;
  /** The file's base name, a hint only: formats are recognised by content. */
  name: string;
  depth: number;
  limits: ScanLimits;
  /** The organisation's licence policy, when the scan was given one: model cards' licences are judged against it. */
  licencePolicy?: LicencePolicy;
  report(finding: RawFinding): void;
  /** Scan an entry of a container (archive member, SavedModel variable file) as a file of its own. */
  scanNested(entryPath: string, source: ByteSource): Promise<void>;
}

/** One model format: how to recognise it by content, and how to check it. */
export interface FormatScanner {
  format: ModelFormat;
  /**
   * True when the first bytes (up to 4096, fewer for small files) are this format. Sniffers are
   * tried in registry order; the first that says yes scans the file.
   */
  sniff(head: Uint8Array, size: number, name: string): boolean;
  /** Check the file; throws only for an unreadable source (a malformed file is a finding). */
  scan(source: ByteSource, context: ScanContext): Promise<void>;
}
