import { inflateSync } from "fflate";
import type { ByteSource } from "../../scan/byte-source.js";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export class ZipError extends Error {}

/** The end-of-central-directory record and its largest comment fit in the last 65,557 bytes. */
const EOCD_SEARCH = 22 + 65_535;

/**
 * Reads a zip's central directory through a ByteSource (the entries are not read): enough for a
 * format inside a zip (a .keras model) to find its members. Zip64 archives are refused; a
 * container format keeps its config in small members, and the engine walks real archives.
 */
export async function readZipDirectory(source: ByteSource, maxEntries: number): Promise<ZipEntry[]> {
  const tailStart = Math.max(0, source.size - EOCD_SEARCH);
  const tail = await source.read(tailStart, source.size - tailStart);
  let eocd = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("no end-of-central-directory record");
  const view = new DataView(tail.buffer, tail.byteOffset + eocd, 22);
  const count = view.getUint16(10, true);
  const directorySize = view.getUint32(12, true);
  const directoryOffset = view.getUint32(16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipError("zip64 archives are not read here");
  if (count > maxEntries) throw new ZipError(`${count} entries, above the limit of ${maxEntries}`);
  if (directoryOffset + directorySize > source.size) throw new ZipError("the central directory lies outside the file");
  const directory = await source.read(directoryOffset, directorySize);
  const d = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.byteLength || d.getUint32(at, true) !== 0x02014b50)
      throw new ZipError(`central directory entry ${i} is malformed`);
    const nameLength = d.getUint16(at + 28, true);
    const skip = nameLength + d.getUint16(at + 30, true) + d.getUint16(at + 32, true);
    if (at + 46 + skip > directory.byteLength)
      throw new ZipError(`central directory entry ${i} runs past the directory`);
    entries.push({
      name: new TextDecoder().decode(directory.subarray(at + 46, at + 46 + nameLength)),
      method: d.getUint16(at + 10, true),
      compressedSize: d.getUint32(at + 20, true),
      size: d.getUint32(at + 24, true),
      localHeaderOffset: d.getUint32(at + 42, true),
    });
    at += 46 + skip;
  }
  return entries;
}

/** Where an entry's data starts, from its local header. */
export async function zipEntryDataOffset(source: ByteSource, entry: ZipEntry): Promise<number> {
  const header = await source.read(entry.localHeaderOffset, 30);
  if (header.byteLength < 30) throw new ZipError(`the local header of ${entry.name} lies outside the file`);
  const h = new DataView(header.buffer, header.byteOffset, 30);
  if (h.getUint32(0, true) !== 0x04034b50) throw new ZipError(`the local header of ${entry.name} is malformed`);
  const start = entry.localHeaderOffset + 30 + h.getUint16(26, true) + h.getUint16(28, true);
  if (start + entry.compressedSize > source.size) throw new ZipError(`the data of ${entry.name} runs past the file`);
  return start;
}

/** A member's bytes, stored or deflated, refused above `maxBytes` or a compression ratio above `maxRatio`. */
export async function readZipEntry(
  source: ByteSource,
  entry: ZipEntry,
  maxBytes: number,
  maxRatio: number,
): Promise<Uint8Array> {
  if (entry.size > maxBytes) throw new ZipError(`${entry.name} is ${entry.size} bytes, above the limit of ${maxBytes}`);
  if (entry.compressedSize > 0 && entry.size / entry.compressedSize > maxRatio) {
    throw new ZipError(
      `${entry.name} expands ${Math.round(entry.size / entry.compressedSize)} times, above the limit of ${maxRatio}`,
    );
  }
  const start = await zipEntryDataOffset(source, entry);
  const data = await source.read(start, entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipError(`${entry.name} uses compression method ${entry.method}`);
  const out = new Uint8Array(entry.size);
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(data, { out });
  } catch {
    throw new ZipError(`${entry.name} does not inflate`);
  }
  if (inflated.byteLength !== entry.size)
    throw new ZipError(`${entry.name} inflates to a size other than the directory says`);
  return inflated;
}

/** A view of part of a source, so a stored member is scanned in place. */
export function sliceSource(source: ByteSource, start: number, size: number): ByteSource {
  return {
    size,
    read: (offset, length) => source.read(start + Math.min(offset, size), Math.max(0, Math.min(length, size - offset))),
    close: async () => {},
  };
}
