import { createHash } from "node:crypto";
import type { LicencePolicy, ModelFormat, ModelScanFile, ModelScanFinding } from "@openaims/contracts";
import { formatScanners } from "../formats/index.js";
import type { ByteSource } from "./byte-source.js";
import type { FormatScanner, ScanContext, ScanLimits } from "./format-scanner.js";
import { toFinding } from "./report-builder.js";

export const HEAD_BYTES = 4096;

/** What one scan collects; files and findings from every level of nesting land here. */
export interface ScanSink {
  limits: ScanLimits;
  licencePolicy?: LicencePolicy;
  files: ModelScanFile[];
  findings: ModelScanFinding[];
  onFile?: (path: string) => void;
}

export interface SourceToScan {
  source: ByteSource;
  /** Display path: relative, `outer.zip!inner` inside archives. */
  path: string;
  depth: number;
  /** The file's digest when the caller hashes it itself (a file on disk, streamed beside the scan). */
  sha256?: Promise<string>;
}

/**
 * Scans one file or archive entry: sniffs its head, hands it to the first format scanner that
 * recognises it (or classifies it as text or unknown), and records the file and its findings. A
 * read error marks the file failed; it never stops the scan of other files.
 */
export async function scanSource(item: SourceToScan, sink: ScanSink): Promise<void> {
  const { source, path, depth } = item;
  sink.onFile?.(path);
  const name = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("!")) + 1);
  const record: ModelScanFile = { path, format: "unknown", size: source.size, sha256: null, status: "scanned" };
  sink.files.push(record);
  const report = (raw: Parameters<ScanContext["report"]>[0]) => sink.findings.push(toFinding(path, raw));
  const digest = item.sha256 ?? hashSource(source);
  // Awaited below; until then a rejection must not count as unhandled.
  digest.catch(() => {});
  try {
    const head = await source.read(0, Math.min(HEAD_BYTES, source.size));
    const scanner = formatScanners.find((candidate) => sniffs(candidate, head, source.size, name));
    record.format = scanner?.format ?? classifyUnrecognised(head, source.size);
    if (scanner) {
      const context: ScanContext = {
        path,
        name,
        depth,
        limits: sink.limits,
        report,
        scanNested: (entryPath, nested) =>
          scanSource({ source: nested, path: `${path}!${entryPath}`, depth: depth + 1 }, sink),
      };
      if (sink.licencePolicy) context.licencePolicy = sink.licencePolicy;
      await scanner.scan(source, context);
    } else if (record.format === "unknown") {
      report({
        ruleId: "format.unknown",
        location: "",
        title: "Content not recognised as any model, archive or text format",
        detail: `The file starts with ${hexPreview(head)}, which matches no format the scanner knows, so it was not checked.`,
      });
    }
  } catch (error) {
    record.status = "failed";
    record.error = errorText(error);
    report({
      ruleId: "scan.read-failed",
      location: "",
      title: "The file could not be read to the end",
      detail: `${record.error} The file was not fully checked.`,
    });
  }
  try {
    record.sha256 = await digest;
  } catch (error) {
    record.sha256 = null;
    if (record.status !== "failed") {
      record.status = "failed";
      record.error = errorText(error);
    }
  }
}

function sniffs(scanner: FormatScanner, head: Uint8Array, size: number, name: string): boolean {
  try {
    return scanner.sniff(head, size, name);
  } catch {
    return false;
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Text (UTF-8 without NUL or many control characters) is classified without a finding. */
function classifyUnrecognised(head: Uint8Array, size: number): ModelFormat {
  if (size === 0) return "text";
  let cut = head.byteLength;
  // A multi-byte character may straddle the end of the head: drop up to three trailing bytes.
  if (head.byteLength < size) while (cut > head.byteLength - 3 && ((head[cut - 1] as number) & 0xc0) === 0x80) cut--;
  if (head.byteLength < size && cut > 0 && (head[cut - 1] as number) >= 0xc0) cut--;
  let control = 0;
  for (let i = 0; i < cut; i++) {
    const byte = head[i] as number;
    if (byte === 0) return "unknown";
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  if (control > cut / 100) return "unknown";
  try {
    utf8.decode(head.subarray(0, cut));
    return "text";
  } catch {
    return "unknown";
  }
}

function hexPreview(head: Uint8Array): string {
  if (head.byteLength === 0) return "nothing";
  return `${Array.from(head.subarray(0, 8), (byte) => byte.toString(16).padStart(2, "0")).join(" ")}`;
}

export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 1900);
}

/** SHA-256 of a source read in large windows (an archive entry, bytes in memory). */
export async function hashSource(source: ByteSource): Promise<string> {
  const hash = createHash("sha256");
  const window = 4 * 1024 * 1024;
  for (let offset = 0; offset < source.size; offset += window) {
    const chunk = await source.read(offset, window);
    if (chunk.byteLength === 0) throw new Error(`The content ends at byte ${offset} of ${source.size}.`);
    hash.update(chunk);
  }
  return hash.digest("hex");
}
