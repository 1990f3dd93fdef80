import type { ByteSource } from "../../scan/byte-source.js";

const NEEDLE = Buffer.from('"class_name"');
/**
 * JSON may spell any key with escapes (`"\u0063lass_name"` loads as `"class_name"`), so text runs
 * holding a `\u` escape are candidates too; they count only when they parse as a JSON object.
 */
const ESCAPE_NEEDLE = Buffer.from("\\u");
const NEEDLE_SPAN = NEEDLE.byteLength;
const WINDOW = 1 << 20;
/** How many escaped candidates are read before the search stops looking for more. */
const MAX_ESCAPED_CANDIDATES = 256;

function firstHit(window: Buffer, escapedSeen: number): { at: number; escaped: boolean } | null {
  const literal = window.indexOf(NEEDLE);
  const escaped = escapedSeen < MAX_ESCAPED_CANDIDATES ? window.indexOf(ESCAPE_NEEDLE) : -1;
  if (literal < 0 && escaped < 0) return null;
  if (escaped < 0 || (literal >= 0 && literal <= escaped)) return { at: literal, escaped: false };
  return { at: escaped, escaped: true };
}

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
): Promise<{ texts: { offset: number; text: string; escaped: boolean }[]; tooLong: number[] }> {
  const texts: { offset: number; text: string; escaped: boolean }[] = [];
  let escapedSeen = 0;
  const tooLong: number[] = [];
  let searchFrom = 0;
  while (searchFrom < source.size) {
    const window = Buffer.from(await source.read(searchFrom, WINDOW + NEEDLE_SPAN));
    const hit = firstHit(window, escapedSeen);
    if (hit === null) {
      searchFrom += WINDOW;
      continue;
    }
    if (hit.escaped) escapedSeen++;
    const at = searchFrom + hit.at;
    const start = await extend(source, at, -1, maxTextBytes);
    const end = await extend(source, at, 1, maxTextBytes);
    if (start === null || end === null) {
      tooLong.push(at);
      searchFrom = at + NEEDLE_SPAN;
      continue;
    }
    const bytes = await source.read(start, end - start);
    const text = new TextDecoder().decode(bytes);
    // A run found by the literal key also holds any escapes in it: one candidate, read once.
    texts.push({ offset: start, text, escaped: hit.escaped && !text.includes('"class_name"') });
    searchFrom = Math.max(end, at + 1);
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
