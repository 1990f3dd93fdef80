/**
 * The transcript: one JSON line per exchange with exactly what went over the wire, written while
 * the scan runs. Lines are buffered and flushed whole (on a timer, past a size, at process exit),
 * so a crash leaves a file of complete, valid JSONL lines: at most the last interval is lost.
 */
import { createHash } from "node:crypto";
import { writeSync } from "node:fs";
import { open } from "node:fs/promises";
import type { ExchangeResult, ToolCall, TransformName } from "../model.js";

/** One exchange of one test case, as recorded in transcript.jsonl. */
export interface TranscriptLine {
  caseId: string;
  probeId: string;
  variant: "plain" | TransformName;
  /** 0-based index of the exchange within the case. */
  turn: number;
  identity?: "primary" | "secondary";
  /** ISO time the exchange started. */
  startedAt: string;
  latencyMs: number;
  attempts: number;
  ok: boolean;
  httpStatus?: number;
  error?: ExchangeResult["error"];
  truncated: boolean;
  /** The request body exactly as sent. */
  request: string;
  /** The response body exactly as received (capped). */
  response: string;
  /** The assistant text the detectors looked at. */
  reply: string;
  toolCalls: ToolCall[] | null;
  /** Hex SHA-256 of `request + "\n" + response`, so an excerpt can be matched to its exchange. */
  sha256: string;
}

export interface TranscriptWriter {
  /** Queues one line; throws when the file can no longer be written or is closed. */
  write(line: TranscriptLine): void;
  /** Flushes and closes; the hash covers the whole file. Calling it again returns the same result. */
  close(): Promise<ClosedTranscript>;
}

export interface ClosedTranscript {
  sha256: string;
  lines: number;
  bytes: number;
}

export interface TranscriptOptions {
  /** Longest time a written line waits in memory. */
  flushIntervalMs?: number;
  /** Buffered bytes that trigger a flush. */
  flushBytes?: number;
}

/** The hex SHA-256 a transcript line carries for a request and response. */
export function exchangeSha256(request: string, response: string): string {
  return createHash("sha256").update(`${request}\n${response}`).digest("hex");
}

/** Creates (or empties) the file at `path` and returns a writer for it. */
export async function openTranscript(path: string, options: TranscriptOptions = {}): Promise<TranscriptWriter> {
  const handle = await open(path, "w");
  const flushBytes = options.flushBytes ?? 64 * 1024;
  const hash = createHash("sha256");
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lines = 0;
  let bytes = 0;
  let failure: unknown;
  let closing: Promise<ClosedTranscript> | undefined;

  // Synchronous writes keep lines in order and let the exit hook flush after the event loop stops.
  const flush = (): void => {
    if (pendingBytes === 0 || failure !== undefined) return;
    const chunk = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    try {
      for (let offset = 0; offset < chunk.length; ) offset += writeSync(handle.fd, chunk, offset);
    } catch (error) {
      failure = error;
    }
  };
  const timer = setInterval(flush, options.flushIntervalMs ?? 500);
  timer.unref();
  process.on("exit", flush);

  return {
    write(line) {
      if (closing) throw new Error(`Transcript ${path} is closed`);
      if (failure !== undefined) throw new Error(`Cannot write transcript ${path}`, { cause: failure });
      const data = Buffer.from(`${JSON.stringify(line)}\n`, "utf8");
      hash.update(data);
      pending.push(data);
      pendingBytes += data.length;
      lines += 1;
      bytes += data.length;
      if (pendingBytes >= flushBytes) flush();
    },
    close() {
      closing ??= (async () => {
        clearInterval(timer);
        flush();
        process.off("exit", flush);
        await handle.close();
        if (failure !== undefined) throw new Error(`Cannot write transcript ${path}`, { cause: failure });
        return { sha256: hash.digest("hex"), lines, bytes };
      })();
      return closing;
    },
  };
}
