import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGunzip, createInflate, createInflateRaw } from "node:zlib";
import { type ByteSource, bytesSource, fileSource } from "../scan/byte-source.js";

/** Expansion stopped at a limit: the message says which. */
export class ExpansionLimit extends Error {}

export interface ExpandOptions {
  kind: "gzip" | "zlib" | "deflate";
  /** The most bytes the output may reach. */
  maxBytes: number;
  /** The largest output / input ratio allowed, checked as output grows. */
  maxRatio: number;
  /** Outputs up to this size stay in memory; larger ones go to a temporary file. */
  inMemoryBytes: number;
}

/** Below this output size the ratio is not checked (a small, very compressible file is not a bomb). */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/**
 * Expands compressed bytes of a source, streaming, and stops as soon as the output passes the
 * size or ratio limit: nothing is ever expanded beyond it. The result is a source in memory or
 * over a temporary file; `dispose` removes the file.
 */
export async function expand(
  input: ByteSource,
  options: ExpandOptions,
): Promise<{ source: ByteSource; dispose: () => Promise<void> }> {
  const inflater =
    options.kind === "gzip" ? createGunzip() : options.kind === "zlib" ? createInflate() : createInflateRaw();
  const chunks: Buffer[] = [];
  let produced = 0;
  let consumed = 0;
  let directory: string | null = null;
  let file: ReturnType<typeof createWriteStream> | null = null;
  const dispose = async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
  };
  try {
    const done = new Promise<void>((resolve, reject) => {
      inflater.on("error", reject);
      inflater.on("end", resolve);
    });
    inflater.on("data", (chunk: Buffer) => {
      produced += chunk.byteLength;
      if (produced > options.maxBytes) {
        inflater.destroy(new ExpansionLimit(`it expands past ${options.maxBytes} bytes`));
        return;
      }
      if (produced > RATIO_FLOOR_BYTES && produced > options.maxRatio * Math.max(consumed, 1)) {
        inflater.destroy(
          new ExpansionLimit(`it expands more than ${options.maxRatio} times (${produced} bytes from ${consumed})`),
        );
        return;
      }
      if (file) file.write(chunk);
      else chunks.push(chunk);
    });
    for (let offset = 0; offset < input.size; ) {
      const piece = await input.read(offset, 1 << 20);
      if (piece.byteLength === 0) break;
      offset += piece.byteLength;
      consumed = offset;
      if (!inflater.write(piece)) await Promise.race([once(inflater, "drain"), done]);
      if (inflater.destroyed) break;
      if (!file && produced > options.inMemoryBytes) {
        directory = await mkdtemp(join(tmpdir(), "aims-expand-"));
        file = createWriteStream(join(directory, "expanded"));
        for (const chunk of chunks.splice(0)) file.write(chunk);
      }
    }
    inflater.end();
    await done;
    if (!file) return { source: bytesSource(Buffer.concat(chunks)), dispose };
    const path = join(directory as string, "expanded");
    await new Promise<void>((resolve, reject) => {
      (file as ReturnType<typeof createWriteStream>).end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    const source = await fileSource(path);
    return {
      source,
      dispose: async () => {
        await source.close();
        await dispose();
      },
    };
  } catch (error) {
    file?.destroy();
    await dispose();
    throw error;
  }
}

function once(emitter: NodeJS.EventEmitter, event: string): Promise<void> {
  return new Promise((resolve) => emitter.once(event, () => resolve()));
}
