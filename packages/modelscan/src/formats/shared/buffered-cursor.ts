import type { ByteSource } from "../../scan/byte-source.js";

/** Thrown when a read runs past the end of the source: the file is truncated or lies about a length. */
export class TruncatedError extends Error {}

const WINDOW = 1 << 20;

/**
 * Sequential reads over a ByteSource through a 1 MB window, so a parser walks a file of any size
 * with bounded memory and one positioned read per megabyte. `need(n)` makes n bytes readable
 * synchronously; lengths above the window are skipped, never buffered.
 */
export class BufferedCursor {
  position = 0;
  private window: Uint8Array = new Uint8Array(0);
  private windowStart = 0;
  private view: DataView = new DataView(this.window.buffer);

  constructor(
    private readonly source: ByteSource,
    public littleEndian = true,
  ) {}

  get size(): number {
    return this.source.size;
  }

  get remaining(): number {
    return this.source.size - this.position;
  }

  /** Makes `n` bytes (at most the window) from the position readable; throws TruncatedError past the end. */
  async need(n: number): Promise<void> {
    if (n > this.remaining)
      throw new TruncatedError(`needs ${n} bytes at offset ${this.position}, ${this.remaining} left`);
    const offset = this.position - this.windowStart;
    if (offset >= 0 && offset + n <= this.window.byteLength) return;
    const length = Math.min(Math.max(WINDOW, n), this.remaining);
    const bytes = await this.source.read(this.position, length);
    if (bytes.byteLength < n) throw new TruncatedError(`short read at offset ${this.position}`);
    this.window = bytes;
    this.windowStart = this.position;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private take(n: number): number {
    const at = this.position - this.windowStart;
    this.position += n;
    return at;
  }

  u8(): number {
    return this.view.getUint8(this.take(1));
  }
  u16(): number {
    return this.view.getUint16(this.take(2), this.littleEndian);
  }
  u32(): number {
    return this.view.getUint32(this.take(4), this.littleEndian);
  }
  i32(): number {
    return this.view.getInt32(this.take(4), this.littleEndian);
  }
  /** A 64-bit unsigned integer as a bigint, so no value is silently rounded. */
  u64(): bigint {
    return this.view.getBigUint64(this.take(8), this.littleEndian);
  }
  /** `n` bytes, which must have been made readable with need(n). */
  bytes(n: number): Uint8Array {
    const at = this.take(n);
    return this.window.subarray(at, at + n);
  }

  /** Moves past `n` bytes without reading them. */
  skip(n: number): void {
    if (n > this.remaining)
      throw new TruncatedError(`skips ${n} bytes at offset ${this.position}, ${this.remaining} left`);
    this.position += n;
  }
}
