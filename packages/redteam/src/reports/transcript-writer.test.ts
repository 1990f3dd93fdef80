import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exchangeSha256, openTranscript, type TranscriptLine } from "./transcript-writer.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "transcript-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function line(turn: number, reply = "All good."): TranscriptLine {
  const request = JSON.stringify({ messages: [{ role: "user", content: `turn ${turn}` }] });
  const response = JSON.stringify({ choices: [{ message: { content: reply } }] });
  return {
    caseId: "PI-001/plain",
    probeId: "PI-001",
    variant: "plain",
    turn,
    startedAt: "2026-11-03T09:00:00.000Z",
    latencyMs: 12,
    attempts: 1,
    ok: true,
    httpStatus: 200,
    truncated: false,
    request,
    response,
    reply,
    toolCalls: [{ id: "call_1", name: "lookup", arguments: { id: 7 } }],
    sha256: exchangeSha256(request, response),
  };
}

const readLines = async (file: string): Promise<unknown[]> =>
  (await readFile(file, "utf8"))
    .split("\n")
    .filter((text) => text !== "")
    .map((text) => JSON.parse(text) as unknown);

describe("openTranscript", () => {
  it("writes one JSON line per exchange and hashes the whole file", async () => {
    const file = join(dir, "transcript.jsonl");
    const writer = await openTranscript(file);
    const written = [line(0), line(1), { ...line(2), identity: "secondary" as const, ok: false }];
    for (const entry of written) writer.write(entry);
    const closed = await writer.close();
    const content = await readFile(file);
    expect(closed).toEqual({
      sha256: createHash("sha256").update(content).digest("hex"),
      lines: 3,
      bytes: content.length,
    });
    expect(await readLines(file)).toEqual(written);
  });

  it("keeps hostile replies on one valid line each", async () => {
    const file = join(dir, "transcript.jsonl");
    const writer = await openTranscript(file);
    const hostile = 'line one\nline two\r\n\u2028\u2029 "quoted" \\ \u0000 \ud800 <script>alert(1)</script>';
    writer.write(line(0, hostile));
    writer.write(line(1));
    await writer.close();
    const text = await readFile(file, "utf8");
    expect(text.split("\n")).toHaveLength(3);
    const [first] = await readLines(file);
    expect((first as TranscriptLine).reply).toBe(hostile);
    expect(text).toContain("\\ud800");
  });

  it("flushes on a timer, before close", async () => {
    const file = join(dir, "transcript.jsonl");
    const writer = await openTranscript(file, { flushIntervalMs: 20 });
    writer.write(line(0));
    expect(await readFile(file, "utf8")).toBe("");
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await readLines(file)).toHaveLength(1);
    await writer.close();
  });

  it("flushes once the buffer passes its size", async () => {
    const file = join(dir, "transcript.jsonl");
    const writer = await openTranscript(file, { flushBytes: 1 });
    writer.write(line(0));
    writer.write(line(1));
    expect(await readLines(file)).toHaveLength(2);
    await writer.close();
  });

  it("refuses writes after close and closes idempotently", async () => {
    const writer = await openTranscript(join(dir, "transcript.jsonl"));
    writer.write(line(0));
    const first = await writer.close();
    expect(() => writer.write(line(1))).toThrow(/closed/);
    expect(await writer.close()).toEqual(first);
  });

  it("leaves complete lines when the process exits without closing", async () => {
    const file = join(dir, "transcript.jsonl");
    const module = fileURLToPath(new URL("./transcript-writer.ts", import.meta.url));
    const script = `
      import { openTranscript } from ${JSON.stringify(module)};
      const writer = await openTranscript(${JSON.stringify(file)}, { flushIntervalMs: 60_000 });
      const entry = ${JSON.stringify(line(0))};
      for (let turn = 0; turn < 5; turn++) writer.write({ ...entry, turn });
      process.exit(3);
    `;
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script]);
    await expect(run).rejects.toMatchObject({ code: 3 });
    const turns = (await readLines(file)).map((entry) => (entry as TranscriptLine).turn);
    expect(turns).toEqual([0, 1, 2, 3, 4]);
  });
});
