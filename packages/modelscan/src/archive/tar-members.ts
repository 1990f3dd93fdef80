import type { ByteSource } from "../scan/byte-source.js";

/** One member of a tar archive, read from its header (GNU long names and pax paths applied). */
export interface TarMember {
  name: string;
  /** '0' file, '5' directory, '1'/'2' links, ... */
  type: string;
  linkName: string;
  dataOffset: number;
  size: number;
}

const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder("utf-8");

function field(block: Uint8Array, start: number, length: number): string {
  const slice = block.subarray(start, start + length);
  const end = slice.indexOf(0);
  return latin1.decode(end >= 0 ? slice.subarray(0, end) : slice);
}

/** Octal (or GNU base-256) number field; NaN when it is neither. */
function numberField(block: Uint8Array, start: number, length: number): number {
  if (((block[start] as number) & 0x80) !== 0) {
    let value = 0;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + (block[i] as number);
    return value;
  }
  const text = field(block, start, length).trim();
  return /^[0-7]*$/.test(text) ? (text ? Number.parseInt(text, 8) : 0) : Number.NaN;
}

/** True when the 512-byte block is a tar header whose checksum matches. */
export function isTarHeader(block: Uint8Array): boolean {
  if (block.byteLength < 512) return false;
  const stored = numberField(block, 148, 8);
  if (Number.isNaN(stored)) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] as number);
  return sum === stored && block[0] !== 0;
}

/** Thrown for a header that breaks the format; the members read before it are kept. */
export class MalformedTar extends Error {}

/**
 * Reads a tar's headers in order, at most `maxMembers`; member data stays in the source. Returns
 * the members and whether the limit stopped the listing.
 */
export async function readTarMembers(
  source: ByteSource,
  maxMembers: number,
): Promise<{ members: TarMember[]; truncated: boolean; error: string | null }> {
  const members: TarMember[] = [];
  let offset = 0;
  let longName: string | null = null;
  let paxPath: string | null = null;
  while (offset + 512 <= source.size) {
    const block = await source.read(offset, 512);
    if (block.every((byte) => byte === 0)) break;
    if (!isTarHeader(block)) return { members, truncated: false, error: `the header at byte ${offset} is broken` };
    const size = numberField(block, 124, 12);
    const dataOffset = offset + 512;
    if (Number.isNaN(size) || dataOffset + size > source.size) {
      return { members, truncated: false, error: `the member at byte ${offset} runs past the end of the archive` };
    }
    const type = String.fromCharCode(block[156] as number) || "0";
    offset = dataOffset + Math.ceil(size / 512) * 512;
    if (type === "L" || type === "x") {
      const data = size <= 1024 * 1024 ? await source.read(dataOffset, size) : new Uint8Array(0);
      if (type === "L") longName = field(data, 0, data.byteLength);
      else paxPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(utf8.decode(data))?.[1] ?? null;
      continue;
    }
    if (type === "g") continue;
    const prefix = field(block, 345, 155);
    const magic = field(block, 257, 6);
    const plain = field(block, 0, 100);
    const name = paxPath ?? longName ?? (magic.startsWith("ustar") && prefix ? `${prefix}/${plain}` : plain);
    longName = null;
    paxPath = null;
    if (members.length >= maxMembers) return { members, truncated: true, error: null };
    members.push({ name, type: type === "\0" ? "0" : type, linkName: field(block, 157, 100), dataOffset, size });
  }
  return { members, truncated: false, error: null };
}
