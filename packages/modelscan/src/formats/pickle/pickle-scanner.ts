import { scanPickleStream } from "../../pickle/scan-pickle.js";
import { looksLikePickle } from "../../pickle/sniff-pickle.js";
import type { FormatScanner } from "../../scan/format-scanner.js";

/**
 * A plain pickle (protocols 0-5), with every pickle written back to back in the file: what a
 * load would import and call is judged against the allowlist.
 */
export const pickleScanner: FormatScanner = {
  format: "pickle",
  sniff: (head, size) => looksLikePickle(head, size),
  async scan(source, context) {
    await scanPickleStream(source, context);
  },
};
