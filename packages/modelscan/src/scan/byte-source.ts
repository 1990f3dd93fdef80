import { open } from "node:fs/promises";

/**
 * Random access to a file's bytes, so a scanner reads only what it needs (a safetensors header, a
 * zip's central directory, one pickle entry) and a 2 GB model is never held in memory.
 */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `offset`; fewer only at the end of the source. */
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A source over bytes already in memory (an archive entry, a test fixture). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.byteLength,
    async read(offset, length) {
      return bytes.subarray(Math.min(offset, bytes.byteLength), Math.min(offset + length, bytes.byteLength));
    },
    async close() {},
  };
}

/** A source over a file on disk, read with positioned reads. */
export async function fileSource(path: string): Promise<ByteSource> {
  const handle = await open(path, "r");
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      const end = Math.min(offset + length, size);
      if (end <= offset) return new Uint8Array(0);
      const buffer = new Uint8Array(end - offset);
      let done = 0;
      while (done < buffer.byteLength) {
        const { bytesRead } = await handle.read(buffer, done, buffer.byteLength - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === buffer.byteLength ? buffer : buffer.subarray(0, done);
    },
    close: () => handle.close(),
  };
}
