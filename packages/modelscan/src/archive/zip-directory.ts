import { Readable } from "node:stream";
import yauzl from "yauzl";
import type { ByteSource } from "../scan/byte-source.js";

/** One member of a zip, from its central directory entry. */
export interface ZipMember {
  name: string;
  compressionMethod: number;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
  localHeaderOffset: number;
  directory: boolean;
}

export interface ZipDirectory {
  members: ZipMember[];
  /** The central directory claims more entries than the limit; only the first were listed. */
  truncatedAt: number | null;
  entryCount: number;
}

/** yauzl reads the central directory through this, so a zip is never loaded whole. */
class SourceReader extends yauzl.RandomAccessReader {
  constructor(private readonly source: ByteSource) {
    super();
  }
  override _readStreamForRange(start: number, end: number): Readable {
    const source = this.source;
    return Readable.from(
      (async function* () {
        for (let offset = start; offset < end; offset += 1 << 20) {
          const chunk = await source.read(offset, Math.min(1 << 20, end - offset));
          if (chunk.byteLength === 0) throw new Error("the zip ends before its directory does");
          yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        }
      })(),
    );
  }
}

const cp437Safe = new TextDecoder("latin1");
const utf8 = new TextDecoder("utf-8");

/**
 * Lists a zip's members from its central directory (zip64 included) without expanding anything.
 * Names are decoded but not validated here: the caller reports absolute and climbing names.
 */
export function readZipDirectory(source: ByteSource, maxEntries: number): Promise<ZipDirectory> {
  return new Promise((resolve, reject) => {
    const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, autoClose: false };
    yauzl.fromRandomAccessReader(new SourceReader(source), source.size, options, (error, zip) => {
      if (error || !zip) {
        reject(error ?? new Error("the zip cannot be opened"));
        return;
      }
      const members: ZipMember[] = [];
      const finish = (truncatedAt: number | null) => {
        zip.close();
        resolve({ members, truncatedAt, entryCount: zip.entryCount });
      };
      zip.on("error", (failure: Error) => {
        zip.close();
        reject(failure);
      });
      zip.on("end", () => finish(null));
      zip.on("entry", (entry: yauzl.Entry) => {
        if (members.length >= maxEntries) {
          finish(members.length);
          return;
        }
        const raw = entry.fileName as unknown as Buffer;
        const name = (entry.generalPurposeBitFlag & 0x800 ? utf8 : cp437Safe).decode(raw);
        members.push({
          name,
          compressionMethod: entry.compressionMethod,
          compressedSize: entry.compressedSize,
          uncompressedSize: entry.uncompressedSize,
          encrypted: (entry.generalPurposeBitFlag & 1) !== 0,
          localHeaderOffset: entry.relativeOffsetOfLocalHeader,
          directory: name.endsWith("/"),
        });
        zip.readEntry();
      });
      zip.readEntry();
    });
  });
}

/** Where a member's data starts: after its local header, whose name and extra lengths may differ from the directory's. */
export async function memberDataOffset(source: ByteSource, member: ZipMember): Promise<number> {
  const header = await source.read(member.localHeaderOffset, 30);
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.byteLength < 30 || view.getUint32(0, true) !== 0x04034b50) {
    throw new Error(`the local header of ${member.name} is missing`);
  }
  const start = member.localHeaderOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  if (start + member.compressedSize > source.size)
    throw new Error(`the data of ${member.name} runs past the end of the zip`);
  return start;
}

/** A window of another source: a stored zip member or a tar member, read in place. */
export function sliceSource(source: ByteSource, start: number, size: number): ByteSource {
  return {
    size,
    read(offset, length) {
      const from = Math.min(offset, size);
      return source.read(start + from, Math.min(length, size - from));
    },
    async close() {},
  };
}

/** True for names that leave the extraction folder: absolute, drive-lettered or climbing with `..`. */
export function isEscapingName(name: string): boolean {
  if (/^([/\\]|[A-Za-z]:)/.test(name)) return true;
  return name.split(/[/\\]/).includes("..");
}
