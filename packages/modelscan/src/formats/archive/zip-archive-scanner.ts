import { isEscapingName, readZipDirectory } from "../../archive/zip-directory.js";
import { openMember, reportBomb } from "../../archive/zip-members.js";
import type { ByteSource } from "../../scan/byte-source.js";
import type { FormatScanner, ScanContext } from "../../scan/format-scanner.js";

const decoder = new TextDecoder("utf-8", { fatal: false });

/** True when the head is a zip local file header; `firstName` is its first member's name. */
export function zipFirstName(head: Uint8Array): string | null {
  if (head.byteLength < 30 || head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 0x03 || head[3] !== 0x04) return null;
  const length = (head[26] as number) | ((head[27] as number) << 8);
  return decoder.decode(head.subarray(30, Math.min(30 + length, head.byteLength)));
}

/** True for an empty zip (only an end-of-central-directory record). */
function isEmptyZip(head: Uint8Array, size: number): boolean {
  return size === 22 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x05 && head[3] === 0x06;
}

/**
 * Walks a zip: every member is scanned as a file of its own (`outer.zip!inner/path`), names that
 * leave the extraction folder are reported, and entry count, ratio, total size and nesting are
 * limited so a bomb is reported, never expanded.
 */
export async function scanZipMembers(source: ByteSource, context: ScanContext): Promise<void> {
  if (context.depth >= context.limits.maxArchiveDepth) {
    reportBomb(context, "", `archives nest deeper than ${context.limits.maxArchiveDepth} levels`);
    return;
  }
  let directory: Awaited<ReturnType<typeof readZipDirectory>>;
  try {
    directory = await readZipDirectory(source, context.limits.maxArchiveEntries);
  } catch (error) {
    context.report({
      ruleId: "archive.malformed",
      location: "central directory",
      title: "The zip's directory cannot be read",
      detail: `${error instanceof Error ? error.message : String(error)}. Its entries were not checked.`,
    });
    return;
  }
  if (directory.truncatedAt !== null) {
    reportBomb(
      context,
      "",
      `the zip lists ${directory.entryCount} entries, more than the limit of ${context.limits.maxArchiveEntries}`,
    );
  }
  const budget = { remaining: context.limits.maxUncompressedBytes };
  for (const member of directory.members) {
    if (isEscapingName(member.name)) {
      context.report({
        ruleId: "archive.path-traversal",
        location: member.name,
        title: `Entry name leaves the extraction folder: ${member.name}`,
        detail:
          "The entry's name is absolute or climbs out with '..', so extracting this archive can write outside its folder (zip slip).",
      });
    }
    if (member.directory) continue;
    if (budget.remaining <= 0 || member.uncompressedSize > budget.remaining) {
      reportBomb(
        context,
        member.name,
        `the archive expands past ${context.limits.maxUncompressedBytes} bytes in total`,
      );
      return;
    }
    let opened: Awaited<ReturnType<typeof openMember>>;
    try {
      opened = await openMember(source, member, context, budget);
    } catch (error) {
      context.report({
        ruleId: "archive.malformed",
        location: member.name,
        title: `Entry ${member.name} cannot be read`,
        detail: `${error instanceof Error ? error.message : String(error)}. Its content was not checked.`,
      });
      continue;
    }
    if (!opened) continue;
    try {
      await context.scanNested(member.name, opened.source);
    } finally {
      await opened.dispose();
    }
  }
}

/** A plain zip archive (after the formats that are zips of their own: PyTorch, Keras, NumPy .npz). */
export const zipArchiveScanner: FormatScanner = {
  format: "archive",
  sniff: (head, size) => zipFirstName(head) !== null || isEmptyZip(head, size),
  scan: scanZipMembers,
};

/** NumPy .npz: a zip of .npy arrays, each scanned as a file of its own. */
export const npzScanner: FormatScanner = {
  format: "numpy_npz",
  sniff: (head) => zipFirstName(head)?.endsWith(".npy") ?? false,
  scan: scanZipMembers,
};
