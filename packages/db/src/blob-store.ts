import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export interface StoredBlob {
  sha256: string;
  size: number;
}

/**
 * Content-addressed file storage: a blob's name is the SHA-256 of its bytes, so the same file is
 * stored once and any change is detectable. An S3-compatible store can implement the same interface.
 */
export interface BlobStore {
  put(content: Buffer | Readable): Promise<StoredBlob>;
  get(sha256: string): Promise<Readable | null>;
  has(sha256: string): Promise<boolean>;
  /** Every stored digest (for backups). */
  list(): AsyncIterable<string>;
}

const DIGEST = /^[0-9a-f]{64}$/;

/** Blobs as files under `<root>/<aa>/<bb>/<digest>`. */
export class FileBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!DIGEST.test(sha256)) throw new Error(`not a SHA-256 digest: ${sha256.slice(0, 80)}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(content: Buffer | Readable): Promise<StoredBlob> {
    await mkdir(join(this.root, "tmp"), { recursive: true });
    const temp = join(this.root, "tmp", randomUUID());
    const hash = createHash("sha256");
    let size = 0;
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    try {
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            hash.update(chunk);
            size += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(temp, { flags: "wx" }),
      );
      const sha256 = hash.digest("hex");
      const target = this.pathOf(sha256);
      await mkdir(join(target, ".."), { recursive: true });
      await rename(temp, target);
      return { sha256, size };
    } finally {
      await rm(temp, { force: true });
    }
  }

  async get(sha256: string): Promise<Readable | null> {
    return (await this.has(sha256)) ? createReadStream(this.pathOf(sha256)) : null;
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  async *list(): AsyncIterable<string> {
    for (const a of await safeReaddir(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(a)) continue;
      for (const b of await safeReaddir(join(this.root, a))) {
        for (const name of await safeReaddir(join(this.root, a, b))) {
          if (DIGEST.test(name)) yield name;
        }
      }
    }
  }
}

async function safeReaddir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}
