import type { ByteSource } from "../scan/byte-source.js";

/** Thrown when a pickle ends early or breaks its own grammar; the emulator turns it into a finding. */
export class MalformedPickle extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const WINDOW_BYTES = 1 << 20;
/** The longest protocol-0 argument line read (a global's module or name, a decimal). */
const MAX_LINE_BYTES = 64 * 1024;

/**
 * Sequential reads over a byte source through a window, so a pickle larger than memory is read in
 * pieces and large payloads (tensor bytes, BINBYTES8) are skipped without being read at all.
 */
export class PickleReader {
  private buffer: Uint8Array = new Uint8Array(0);
  /** Source offset of buffer[0]. */
  private bufferStart = 0;
  /** Current source offset. */
  position: number;

  constructor(
    private readonly source: ByteSource,
    start = 0,
    /** Reads stop here (exclusive). */
    readonly end = source.size,
  ) {
    this.position = start;
  }

  get remaining(): number {
    return this.end - this.position;
  }

  private async ensure(length: number): Promise<void> {
    if (length > this.remaining) throw new MalformedPickle("the pickle ends in the middle of an opcode", this.position);
    const have = this.bufferStart + this.buffer.byteLength - this.position;
    if (this.position >= this.bufferStart && have >= length) return;
    const size = Math.min(Math.max(length, WINDOW_BYTES), this.end - this.position);
    this.buffer = await this.source.read(this.position, size);
    this.bufferStart = this.position;
    if (this.buffer.byteLength < length)
      throw new MalformedPickle("the file could not be read to its end", this.position);
  }

  async bytes(length: number): Promise<Uint8Array> {
    await this.ensure(length);
    const from = this.position - this.bufferStart;
    this.position += length;
    return this.buffer.subarray(from, from + length);
  }

  async byte(): Promise<number> {
    await this.ensure(1);
    const value = this.buffer[this.position - this.bufferStart] as number;
    this.position += 1;
    return value;
  }

  /** Little-endian unsigned integer of 1, 2, 4 or 8 bytes; 8-byte values beyond 2^53 are malformed. */
  async uint(width: number): Promise<number> {
    const bytes = await this.bytes(width);
    let value = 0;
    for (let i = width - 1; i >= 0; i--) value = value * 256 + (bytes[i] as number);
    if (!Number.isSafeInteger(value)) throw new MalformedPickle("a length is too large", this.position - width);
    return value;
  }

  async int32(): Promise<number> {
    const bytes = await this.bytes(4);
    return new DataView(bytes.buffer, bytes.byteOffset, 4).getInt32(0, true);
  }

  /** Skips `length` bytes without reading them; past the end is malformed. */
  skip(length: number): void {
    if (length > this.remaining) throw new MalformedPickle("a length points past the end of the file", this.position);
    this.position += length;
  }

  /** A protocol-0 argument: the bytes up to the next newline (consumed, not returned). */
  async line(): Promise<Uint8Array> {
    const start = this.position;
    const limit = Math.min(this.remaining, MAX_LINE_BYTES);
    for (let scanned = 0; scanned < limit; ) {
      const chunk = Math.min(4096, limit - scanned);
      await this.ensure(scanned + chunk);
      const base = this.position - this.bufferStart;
      const window = this.buffer.subarray(base + scanned, base + scanned + chunk);
      const newline = window.indexOf(0x0a);
      if (newline >= 0) {
        const line = this.buffer.subarray(base, base + scanned + newline);
        this.position += scanned + newline + 1;
        return line;
      }
      scanned += chunk;
    }
    throw new MalformedPickle("a text argument has no end of line", start);
  }
}
