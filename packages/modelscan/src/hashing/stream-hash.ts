import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";

/**
 * Bytes per read when hashing a whole file. Two buffers alternate: while one is being hashed (on
 * the main thread, in OpenSSL), the next read is already running in the I/O pool, so a file that is
 * not in the page cache is read and hashed at the same time, as `sha256sum` cannot.
 */
export const STREAM_HASH_CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * Hex SHA-256 of the bytes [start, end) of a file (the whole file when no range is given), streamed
 * with two alternating buffers so memory stays at two chunks whatever the file's size.
 */
export async function sha256FileRange(
  path: string,
  range?: { start: number; end: number },
  chunkBytes = STREAM_HASH_CHUNK_BYTES,
): Promise<{ sha256: string; size: number }> {
  const handle = await open(path, "r");
  try {
    const end = range ? range.end : (await handle.stat()).size;
    const start = range ? range.start : 0;
    const hash = createHash("sha256");
    const length = Math.max(0, Math.min(chunkBytes, end - start));
    const buffers = [Buffer.allocUnsafe(length), Buffer.allocUnsafe(length)];
    let position = start;
    let turn = 0;
    const readInto = (buffer: Buffer, at: number) =>
      at >= end ? Promise.resolve(0) : handle.read(buffer, 0, Math.min(length, end - at), at).then((r) => r.bytesRead);
    let pending = readInto(buffers[0] as Buffer, position);
    let total = 0;
    for (;;) {
      const bytesRead = await pending;
      if (bytesRead === 0) break;
      const current = buffers[turn] as Buffer;
      position += bytesRead;
      turn ^= 1;
      // Start the next read into the other buffer before hashing this one.
      pending = readInto(buffers[turn] as Buffer, position);
      hash.update(bytesRead === current.byteLength ? current : current.subarray(0, bytesRead));
      total += bytesRead;
    }
    return { sha256: hash.digest("hex"), size: total };
  } finally {
    await handle.close();
  }
}

/** Files up to this size are read in one synchronous read: cheaper than four thread-pool round trips. */
export const SMALL_FILE_BYTES = 256 * 1024;

/**
 * Hex SHA-256 of a whole file: a small file is read at once with synchronous calls (10,000 small
 * pickles would otherwise spend their time waiting on the I/O pool), a large one streamed.
 */
export async function sha256WholeFile(path: string): Promise<{ sha256: string; size: number }> {
  const fd = openSync(path, "r");
  let size: number;
  try {
    size = fstatSync(fd).size;
    if (size <= SMALL_FILE_BYTES) {
      const buffer = Buffer.allocUnsafe(size);
      let done = 0;
      while (done < size) {
        const n = readSync(fd, buffer, done, size - done, done);
        if (n === 0) break;
        done += n;
      }
      return { sha256: createHash("sha256").update(buffer.subarray(0, done)).digest("hex"), size: done };
    }
  } finally {
    closeSync(fd);
  }
  return sha256FileRange(path, { start: 0, end: size });
}
