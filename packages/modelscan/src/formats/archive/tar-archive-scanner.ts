import { isTarHeader, readTarMembers } from "../../archive/tar-members.js";
import { isEscapingName, sliceSource } from "../../archive/zip-directory.js";
import { reportBomb } from "../../archive/zip-members.js";
import type { ByteSource } from "../../scan/byte-source.js";
import type { FormatScanner, ScanContext } from "../../scan/format-scanner.js";

/** Members of a tar, each scanned as a file of its own; links that leave the folder are reported. */
export async function scanTarMembers(source: ByteSource, context: ScanContext): Promise<void> {
  if (context.depth >= context.limits.maxArchiveDepth) {
    reportBomb(context, "", `archives nest deeper than ${context.limits.maxArchiveDepth} levels`);
    return;
  }
  const { members, truncated, error } = await readTarMembers(source, context.limits.maxArchiveEntries);
  for (const member of members) {
    const escapes = isEscapingName(member.name);
    const linkEscapes = (member.type === "1" || member.type === "2") && isEscapingName(member.linkName);
    if (escapes || linkEscapes) {
      context.report({
        ruleId: "archive.path-traversal",
        location: member.name,
        title: escapes
          ? `Entry name leaves the extraction folder: ${member.name}`
          : `Link ${member.name} points outside the extraction folder: ${member.linkName}`,
        detail: "Extracting this archive can write or link outside its folder.",
      });
    }
    if (member.type !== "0" && member.type !== "7") continue;
    await context.scanNested(member.name, sliceSource(source, member.dataOffset, member.size));
  }
  if (truncated) reportBomb(context, "", `the archive has more than ${context.limits.maxArchiveEntries} entries`);
  if (error) {
    context.report({
      ruleId: "archive.malformed",
      location: "",
      title: "Broken tar archive",
      detail: `Reading stopped because ${error}; the entries after that point were not checked.`,
    });
  }
}

/** A tar archive (ustar, GNU or v7), recognised by a valid first header checksum. */
export const tarArchiveScanner: FormatScanner = {
  format: "archive",
  sniff: (head) => isTarHeader(head.subarray(0, 512)),
  scan: scanTarMembers,
};
