/**
 * The one way replies are read: stream chunks in until the end, the cap, an error or an abort, and
 * always hand back what arrived so far. A target that hangs mid-reply or sends gigabytes must not
 * hold a scan hostage or exhaust memory.
 */
import type { Readable } from "node:stream";

export interface CappedBody {
  /** What arrived, cut at the cap (at a UTF-8 character boundary). */
  bytes: Buffer;
  /** More than `maxBytes` arrived; the rest was not read. */
  truncated: boolean;
  /** How reading stopped. */
  endedBy: "end" | "cap" | "error" | "abort";
  /** The stream error or the abort reason, when reading did not end normally. */
  error?: unknown;
}

/**
 * Reads `stream` to its end, keeping at most `maxBytes`. On reaching the cap or on abort the stream is
 * destroyed (the caller's connection is not reused). Never rejects.
 */
export function readCappedBody(
  stream: Readable,
  options: { maxBytes: number; signal?: AbortSignal },
): Promise<CappedBody> {
  const { maxBytes, signal } = options;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;

    const finish = (endedBy: CappedBody["endedBy"], error?: unknown) => {
      if (settled) return;
      settled = true;
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onError);
      stream.off("close", onClose);
      signal?.removeEventListener("abort", onAbort);
      if (endedBy === "cap" || endedBy === "abort") stream.destroy();
      // Keep listening for late errors so a destroyed stream cannot crash the process.
      stream.on("error", ignore);
      const bytes = Buffer.concat(chunks, size);
      const result: CappedBody = {
        bytes: endedBy === "cap" ? cutAtCharBoundary(bytes) : bytes,
        truncated: endedBy === "cap",
        endedBy,
      };
      if (error !== undefined) result.error = error;
      resolve(result);
    };
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      if (size + buffer.length > maxBytes) {
        const room = maxBytes - size;
        if (room > 0) chunks.push(buffer.subarray(0, room));
        size += Math.max(room, 0);
        finish("cap");
        return;
      }
      chunks.push(buffer);
      size += buffer.length;
    };
    const onEnd = () => finish("end");
    const onError = (error: unknown) => finish("error", error);
    const onClose = () => finish("error", new Error("stream closed before its end"));
    const onAbort = () => finish("abort", signal?.reason);

    if (signal?.aborted) {
      onAbort();
      return;
    }
    stream.on("data", onData);
    stream.on("end", onEnd);
    stream.on("error", onError);
    stream.on("close", onClose);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function ignore(): void {}

/** Drops a trailing partial UTF-8 sequence so decoding a cut body yields no replacement character. */
export function cutAtCharBoundary(bytes: Buffer): Buffer {
  let start = bytes.length - 1;
  // Walk back over continuation bytes (10xxxxxx) to the lead byte of the last character.
  while (start >= 0 && start > bytes.length - 4 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start--;
  if (start < 0) return bytes;
  const lead = bytes[start] ?? 0;
  const expected = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return bytes.length - start < expected ? bytes.subarray(0, start) : bytes;
}

/** Text of at most `maxBytes` UTF-8 bytes (cut at a character boundary), for transcripts and messages. */
export function limitText(text: string, maxBytes: number): string {
  // A UTF-16 code unit never takes more than 3 UTF-8 bytes, so short strings need no encoding.
  if (text.length * 3 <= maxBytes) return text;
  const bytes = Buffer.from(text);
  if (bytes.length <= maxBytes) return text;
  return cutAtCharBoundary(bytes.subarray(0, maxBytes)).toString("utf8");
}
