import { lstat, readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { LicencePolicy, ModelScanReport } from "@openaims/contracts";
import { mapConcurrent, sha256Bytes, sha256File } from "../hashing/sha256-file.js";
import { bytesSource, fileSource } from "./byte-source.js";
import type { ScanLimits } from "./format-scanner.js";
import { scanLimits } from "./limits.js";
import { buildReport, toFinding } from "./report-builder.js";
import { errorText, type ScanSink, scanSource } from "./scan-source.js";

export interface ScanOptions {
  limits?: Partial<ScanLimits>;
  /** Files scanned and hashed at once (default 8). */
  concurrency?: number;
  /** Called as each file (or archive entry) starts, for progress output. */
  onFile?: (path: string) => void;
  /** The organisation's licence policy: model cards' licences are judged against it. */
  licencePolicy?: LicencePolicy;
}

interface FoundFile {
  absolute: string;
  display: string;
  size: number;
}

/**
 * Files up to this size are read once into memory and scanned and hashed from those bytes: a folder
 * of thousands of small pickles costs one open and one read per file instead of two of each.
 */
const READ_WHOLE_BYTES = 1024 * 1024;

function sinkOf(options: ScanOptions): ScanSink {
  const sink: ScanSink = { limits: scanLimits(options.limits), files: [], findings: [] };
  if (options.onFile) sink.onFile = options.onFile;
  if (options.licencePolicy) sink.licencePolicy = options.licencePolicy;
  return sink;
}

/**
 * Scans files and folders (recursively; symbolic links are reported, not followed) and returns
 * the published report. Paths in it are relative to each root: a file root is named by its base
 * name, a folder root's files by their path inside it, prefixed by the root's base name when
 * several roots are given. Same input, same report.
 */
export async function scanPaths(roots: string[], options: ScanOptions = {}): Promise<ModelScanReport> {
  const sink = sinkOf(options);
  const found: FoundFile[] = [];
  for (const root of roots) {
    const prefix = roots.length > 1 ? basename(root) || root : "";
    await walk(root, prefix, sink, found, true);
  }
  found.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  await mapConcurrent(found, options.concurrency ?? 8, (file) => scanFile(file, sink));
  return buildReport(roots, sink.files, sink.findings);
}

/** Scans bytes in memory (an uploaded file, a test fixture) as one file named `name`. */
export async function scanBytes(name: string, bytes: Uint8Array, options: ScanOptions = {}): Promise<ModelScanReport> {
  const sink = sinkOf(options);
  await scanSource({ source: bytesSource(bytes), path: name, depth: 0 }, sink);
  return buildReport([name], sink.files, sink.findings);
}

async function scanFile(file: FoundFile, sink: ScanSink): Promise<void> {
  if (file.size <= READ_WHOLE_BYTES) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file.absolute);
    } catch (error) {
      recordFailure(sink, file.display, error);
      return;
    }
    const sha256 = Promise.resolve(sha256Bytes(bytes));
    await scanSource({ source: bytesSource(bytes), path: file.display, depth: 0, sha256 }, sink);
    return;
  }
  let source: Awaited<ReturnType<typeof fileSource>>;
  try {
    source = await fileSource(file.absolute);
  } catch (error) {
    recordFailure(sink, file.display, error);
    return;
  }
  try {
    await scanSource({ source, path: file.display, depth: 0, sha256: sha256File(file.absolute) }, sink);
  } finally {
    await source.close();
  }
}

function recordFailure(sink: ScanSink, display: string, error: unknown): void {
  sink.onFile?.(display);
  const message = errorText(error);
  sink.files.push({ path: display, format: "unknown", size: 0, sha256: null, status: "failed", error: message });
  sink.findings.push(
    toFinding(display, {
      ruleId: "scan.read-failed",
      location: "",
      title: "The file could not be read",
      detail: `${message} The file was not checked.`,
    }),
  );
}

async function walk(absolute: string, display: string, sink: ScanSink, found: FoundFile[], isRoot = false) {
  const shown = display || basename(absolute) || absolute;
  let stats: Awaited<ReturnType<typeof lstat>>;
  try {
    stats = await lstat(absolute);
  } catch (error) {
    recordFailure(sink, shown, error);
    return;
  }
  if (stats.isSymbolicLink()) {
    sink.onFile?.(shown);
    sink.files.push({
      path: shown,
      format: "unknown",
      size: 0,
      sha256: null,
      status: "skipped",
      error: "A symbolic link: not followed.",
    });
    sink.findings.push(
      toFinding(shown, {
        ruleId: "scan.symlink",
        location: "",
        title: "Symbolic link not followed",
        detail: "The scan does not follow symbolic links, so the file this link points to was not checked here.",
      }),
    );
    return;
  }
  if (stats.isDirectory()) {
    let names: string[];
    try {
      names = (await readdir(absolute)).sort();
    } catch (error) {
      recordFailure(sink, shown, error);
      return;
    }
    for (const name of names) await walk(join(absolute, name), display ? `${display}/${name}` : name, sink, found);
    return;
  }
  if (!stats.isFile()) {
    // A FIFO, socket or device: opening it could block or never end, so it is named and left out.
    sink.onFile?.(shown);
    sink.files.push({
      path: shown,
      format: "unknown",
      size: 0,
      sha256: null,
      status: "skipped",
      error: "Not a regular file (a pipe, socket or device): not read.",
    });
    sink.findings.push(
      toFinding(shown, {
        ruleId: "scan.special-file",
        location: "",
        title: "Special file not read",
        detail:
          "This entry is a pipe, socket or device, not a regular file, so the scan did not read it. A model folder has no reason to hold one; find out what created it.",
      }),
    );
    return;
  }
  found.push({ absolute, display: isRoot && !display ? basename(absolute) : shown, size: stats.size });
}
