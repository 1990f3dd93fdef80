import { scanPickleStream } from "../../pickle/scan-pickle.js";
import type { FormatScanner } from "../../scan/format-scanner.js";
import { hasObjects, itemSize, NpyHeaderError, parseNpyHeader } from "./npy-header.js";

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
/** NumPy itself refuses headers longer than this (numpy.lib.format's safety limit). */
const MAX_HEADER_BYTES = 10_000;

/**
 * NumPy .npy: the header dict is parsed strictly; an object dtype means the data after the header
 * is a pickle, which is emulated; a plain dtype's data must be exactly shape × item size bytes.
 */
export const npyScanner: FormatScanner = {
  format: "numpy_npy",
  sniff: (head) => head.byteLength >= 10 && MAGIC.every((byte, i) => head[i] === byte),
  async scan(source, context) {
    const fail = (detail: string) =>
      context.report({ ruleId: "numpy.malformed", location: "header", title: "Malformed NumPy header", detail });
    const preamble = await source.read(0, 12);
    const major = preamble[6] as number;
    const view = new DataView(preamble.buffer, preamble.byteOffset, preamble.byteLength);
    if (major < 1 || major > 3 || preamble.byteLength < 10) {
      fail(`Version ${major}.${preamble[7]} is not a NumPy format version (1.0 to 3.0).`);
      return;
    }
    const wide = major >= 2;
    const headerLength = wide ? (preamble.byteLength >= 12 ? view.getUint32(8, true) : -1) : view.getUint16(8, true);
    const dataStart = (wide ? 12 : 10) + headerLength;
    if (headerLength < 0 || headerLength > MAX_HEADER_BYTES || dataStart > source.size) {
      fail(`The header length ${headerLength} is out of bounds for a file of ${source.size} bytes.`);
      return;
    }
    const raw = await source.read(wide ? 12 : 10, headerLength);
    const text = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(raw);
    let header: ReturnType<typeof parseNpyHeader>;
    try {
      header = parseNpyHeader(text);
    } catch (error) {
      if (!(error instanceof NpyHeaderError)) throw error;
      fail(`The header is not the dict NumPy writes: ${error.message}.`);
      return;
    }
    if (hasObjects(header.descr)) {
      context.report({
        ruleId: "numpy.object-array",
        location: "header",
        title: "Array of Python objects (stored as a pickle)",
        detail:
          "Loading this array needs allow_pickle=True and unpickles the data after the header; that pickle was checked and anything unsafe in it is reported separately.",
      });
      await scanPickleStream(source, context, { start: dataStart }, "data");
      return;
    }
    const size = itemSize(header.descr);
    if (size === null) return;
    const expected = header.shape.reduce((product, n) => product * n, 1) * size;
    if (expected !== source.size - dataStart) {
      fail(`The header's shape and dtype need ${expected} bytes of data, but ${source.size - dataStart} follow it.`);
    }
  },
};
