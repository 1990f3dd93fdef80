import type { ByteSource } from "../scan/byte-source.js";
import type { ScanContext } from "../scan/format-scanner.js";
import { ExpansionLimit, expand } from "./expand.js";
import { memberDataOffset, sliceSource, type ZipMember } from "./zip-directory.js";

/**
 * Opens a member's content: a stored member is read in place, a deflated one is expanded with
 * the ratio and size limits (into memory, or a temporary file when large). Returns null after
 * reporting why a member cannot be checked (encryption, unsupported method, a limit).
 */
export async function openMember(
  archive: ByteSource,
  member: ZipMember,
  context: ScanContext,
  budget: { remaining: number },
): Promise<{ source: ByteSource; dispose: () => Promise<void> } | null> {
  const location = member.name;
  // The encryption flag alone proves nothing: PyTorch reads a flagged stored member as it is, so
  // stored and deflated members are read whatever the flag says, and reported only if that fails.
  if (member.compressionMethod !== 0 && member.compressionMethod !== 8) {
    context.report({
      ruleId: "archive.entry-not-checked",
      location,
      title: member.encrypted
        ? `Encrypted entry ${member.name}`
        : `Entry ${member.name} uses compression method ${member.compressionMethod}`,
      detail: member.encrypted
        ? "The entry is encrypted, so its content was not checked."
        : "The scanner expands stored and deflated entries only, so this entry's content was not checked.",
    });
    return null;
  }
  const start = await memberDataOffset(archive, member);
  const packed = sliceSource(archive, start, member.compressedSize);
  if (member.compressionMethod === 0) {
    budget.remaining -= member.compressedSize;
    return { source: packed, dispose: async () => {} };
  }
  const declaredRatio = member.uncompressedSize / Math.max(member.compressedSize, 1);
  if (member.uncompressedSize > 1024 * 1024 && declaredRatio > context.limits.maxCompressionRatio) {
    reportBomb(
      context,
      location,
      `it declares ${member.uncompressedSize} bytes from ${member.compressedSize}, a ratio of ${Math.round(declaredRatio)}`,
    );
    return null;
  }
  try {
    const expanded = await expand(packed, {
      kind: "deflate",
      maxBytes: Math.max(0, budget.remaining),
      maxRatio: context.limits.maxCompressionRatio,
      inMemoryBytes: context.limits.maxStructureBytes,
    });
    budget.remaining -= expanded.source.size;
    return expanded;
  } catch (error) {
    if (error instanceof ExpansionLimit) reportBomb(context, location, error.message);
    else {
      context.report({
        ruleId: member.encrypted ? "archive.entry-not-checked" : "archive.malformed",
        location,
        title: `Entry ${member.name} cannot be expanded`,
        detail: `Its deflated data is broken (${error instanceof Error ? error.message : String(error)}), so its content was not checked.`,
      });
    }
    return null;
  }
}

export function reportBomb(context: ScanContext, location: string, why: string): void {
  context.report({
    ruleId: "archive.bomb",
    location,
    title: `Expansion stopped: ${why}`,
    detail: `The scan stopped expanding because ${why}, past the scanner's limits. The content beyond that point was not checked.`,
  });
}
