import type { ByteSource } from "../../scan/byte-source.js";

const NEEDLE = Buffer.from('"class_name"');
const WINDOW = 1 << 20;

/** JSON text bytes: printable ASCII, tab, newline, carriage return, and UTF-8 sequences. */
const isText = (byte: number) => byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/**
 * The JSON texts Keras stores as HDF5 attributes (model_config, training_config), found without an
 * HDF5 reader: h5py stores a string attribute's bytes contiguously (inline in the object header,
 * in a global heap collection, or as a huge object of dense attribute storage, never filtered),
 * surrounded by binary structure. So every run of text bytes around a `"class_name"` is one
 * candidate, whatever the key order or spacing inside it. The whole file is searched in 1 MB
 * windows; a run longer than `maxTextBytes` is reported as too long rather than read.
 */
export async function findKerasConfigTexts(
  source: ByteSource,
  maxTextBytes: number,
): Promise<{ texts: { offset: number; text: string }[]; tooLong: number[] }> {
  const texts: { offset: number; text: string }[] = [];
  const tooLong: number[] = [];
  let searchFrom = 0;
  while (searchFrom < source.size) {
    const window = Buffer.from(await source.read(searchFrom, WINDOW + NEEDLE.byteLength));
    const hit = window.indexOf(NEEDLE);
    if (hit < 0) {
      searchFrom += WINDOW;
      continue;
    }
    const at = searchFrom + hit;
    const start = await extend(source, at, -1, maxTextBytes);
    const end = await extend(source, at, 1, maxTextBytes);
    if (start === null || end === null) {
      tooLong.push(at);
      searchFrom = at + NEEDLE.byteLength;
      continue;
    }
    const bytes = await source.read(start, end - start);
    texts.push({ offset: start, text: new TextDecoder().decode(bytes) });
    searchFrom = end;
  }
  return { texts, tooLong };
}

/** The first offset past the run of text bytes from `at` in `direction`, or null past `limit` bytes. */
async function extend(source: ByteSource, at: number, direction: 1 | -1, limit: number): Promise<number | null> {
  const chunk = 64 * 1024;
  let position = at;
  while (Math.abs(position - at) <= limit) {
    const from = direction === 1 ? position : Math.max(0, position - chunk);
    const bytes = await source.read(from, direction === 1 ? chunk : position - from);
    if (bytes.byteLength === 0) return position;
    if (direction === 1) {
      for (let i = 0; i < bytes.byteLength; i++) if (!isText(bytes[i] as number)) return position + i;
      position += bytes.byteLength;
    } else {
      for (let i = bytes.byteLength - 1; i >= 0; i--) if (!isText(bytes[i] as number)) return from + i + 1;
      if (from === 0) return 0;
      position = from;
    }
  }
  return null;
}
