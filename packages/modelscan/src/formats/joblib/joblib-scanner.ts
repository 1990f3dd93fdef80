import { ExpansionLimit, expand } from "../../archive/expand.js";
import { reportBomb } from "../../archive/zip-members.js";
import { scanPickleStream } from "../../pickle/scan-pickle.js";
import type { FormatScanner } from "../../scan/format-scanner.js";

const ascii = new TextDecoder("latin1");

/** The zlib header joblib's compressor writes (deflate, 32 KiB window, any level). */
function isZlib(head: Uint8Array): boolean {
  return head[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(head[1] as number);
}
const isLz4 = (head: Uint8Array) => head[0] === 0x04 && head[1] === 0x22 && head[2] === 0x4d && head[3] === 0x18;
const isXz = (head: Uint8Array) =>
  head[0] === 0xfd && head[1] === 0x37 && head[2] === 0x7a && head[3] === 0x58 && head[4] === 0x5a && head[5] === 0;
const JOBLIB_NAME = /\.(joblib|jbl|pkl|pickle|z|lz4|xz)$/i;

/**
 * joblib dumps: a pickle whose NumpyArrayWrapper objects are followed by the arrays' raw bytes
 * (skipped) or, for object arrays, by a pickle of their own (emulated). zlib-compressed dumps are
 * expanded with the ratio limit; lz4 and xz dumps are reported as not checked.
 */
export const joblibScanner: FormatScanner = {
  format: "joblib",
  sniff(head, _size, name) {
    if (head[0] === 0x80 && (head[1] as number) <= 5) return ascii.decode(head).includes("NumpyArrayWrapper");
    if (!JOBLIB_NAME.test(name)) return false;
    return isZlib(head) || isLz4(head) || isXz(head);
  },
  async scan(source, context) {
    const head = await source.read(0, 6);
    if (head[0] === 0x80) {
      await scanPickleStream(source, context);
      return;
    }
    if (!isZlib(head)) {
      context.report({
        ruleId: "pickle.not-checked",
        location: "",
        title: `joblib dump compressed with ${isLz4(head) ? "lz4" : "xz"}, not checked`,
        detail:
          "The scanner does not expand this compression, so the pickle inside was not checked. Decompress the file and scan it again.",
      });
      return;
    }
    let expanded: Awaited<ReturnType<typeof expand>>;
    try {
      expanded = await expand(source, {
        kind: "zlib",
        maxBytes: context.limits.maxUncompressedBytes,
        maxRatio: context.limits.maxCompressionRatio,
        inMemoryBytes: context.limits.maxStructureBytes,
      });
    } catch (error) {
      if (error instanceof ExpansionLimit) reportBomb(context, "", error.message);
      else {
        context.report({
          ruleId: "pickle.not-checked",
          location: "",
          title: "Compressed joblib dump cannot be expanded",
          detail: `The zlib stream is broken (${error instanceof Error ? error.message : String(error)}), so the pickle inside was not checked.`,
        });
      }
      return;
    }
    try {
      await scanPickleStream(expanded.source, context, {}, "expanded");
    } finally {
      await expanded.dispose();
    }
  },
};
