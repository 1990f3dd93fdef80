import { createHash } from "node:crypto";
import { open } from "node:fs/promises";

/** Bytes read per positioned read: large reads keep hashing close to `sha256sum`'s speed. */
export const HASH_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Hex SHA-256 of a file, streamed with large positioned reads into one reused buffer, so memory
 * stays flat whatever the file's size. Throws when the file cannot be read.
 */
export async function sha256File(path: string, chunkBytes = HASH_CHUNK_BYTES): Promise<string> {
  const handle = await open(path, "r");
  try {
    const hash = createHash("sha256");
    // Small files get a buffer of their own size (plus one byte, to see a file that grew): a
    // folder of thousands of small pickles must not allocate a 4 MB buffer per file.
    const { size } = await handle.stat();
    const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(chunkBytes, size + 1)));
    chunkBytes = buffer.byteLength;
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, position);
      if (bytesRead === 0) break;
      hash.update(bytesRead === chunkBytes ? buffer : buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
    return hash.digest("hex");
  } finally {
    await handle.close();
  }
}

/** Hex SHA-256 of bytes already in memory (an archive entry, an uploaded file). */
export function sha256Bytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Runs `work` over `items` with at most `concurrency` in flight, keeping results in input order,
 * so many small files are hashed or scanned in parallel without opening them all at once.
 */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= items.length) return;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}
