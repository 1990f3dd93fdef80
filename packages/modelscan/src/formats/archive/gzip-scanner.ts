import { ExpansionLimit, expand } from "../../archive/expand.js";
import { reportBomb } from "../../archive/zip-members.js";
import type { FormatScanner } from "../../scan/format-scanner.js";

/** The name the expanded content is shown under: `model.tar.gz` → `model.tar`, `x.tgz` → `x.tar`. */
function expandedName(name: string): string {
  if (/\.tgz$/i.test(name)) return name.replace(/\.tgz$/i, ".tar");
  if (/\.gz$/i.test(name)) return name.replace(/\.gz$/i, "");
  return "content";
}

/**
 * A gzip stream (a .tar.gz, a gzip-compressed joblib or pickle): expanded with the ratio and
 * size limits, then scanned as a file of its own.
 */
export const gzipScanner: FormatScanner = {
  format: "archive",
  sniff: (head) => head[0] === 0x1f && head[1] === 0x8b && head[2] === 8,
  async scan(source, context) {
    if (context.depth >= context.limits.maxArchiveDepth) {
      reportBomb(context, "", `archives nest deeper than ${context.limits.maxArchiveDepth} levels`);
      return;
    }
    let expanded: Awaited<ReturnType<typeof expand>>;
    try {
      expanded = await expand(source, {
        kind: "gzip",
        maxBytes: context.limits.maxUncompressedBytes,
        maxRatio: context.limits.maxCompressionRatio,
        inMemoryBytes: context.limits.maxStructureBytes,
      });
    } catch (error) {
      if (error instanceof ExpansionLimit) reportBomb(context, "", error.message);
      else {
        context.report({
          ruleId: "archive.malformed",
          location: "",
          title: "Broken gzip stream",
          detail: `The compressed data cannot be expanded (${error instanceof Error ? error.message : String(error)}), so it was not checked.`,
        });
      }
      return;
    }
    try {
      await context.scanNested(expandedName(context.name), expanded.source);
    } finally {
      await expanded.dispose();
    }
  },
};
