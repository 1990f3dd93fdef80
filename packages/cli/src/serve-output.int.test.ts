import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@openaims/db";
import { readPGliteTemplate } from "@openaims/db/testing";
import { afterAll, describe, expect, it } from "vitest";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));

interface Serving {
  child: ChildProcess;
  /** Everything the process has written to stdout so far. */
  output: () => string;
  port: number;
  /** Where the start-up text ends in the output: after the setup code's box. */
  startupEnd: number;
}

/**
 * Starts `aims serve` from source on a data directory already holding the migrated template, and
 * resolves once the start-up text has been printed in full.
 */
async function serve(dataDir: string, env: NodeJS.ProcessEnv): Promise<Serving> {
  const snapshot = await readPGliteTemplate();
  await (await openDatabase({ dataDir, ...(snapshot ? { snapshot } : {}) })).close();
  const {
    DATABASE_URL: _url,
    AIMS_SECRET_KEY: _key,
    AIMS_LOG_LEVEL: _level,
    AIMS_HOST: _host,
    ...inherited
  } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", main, "serve", "--port", "0", "--data-dir", dataDir], {
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const { port, startupEnd } = await new Promise<{ port: number; startupEnd: number }>((resolve, reject) => {
    child.stdout?.on("data", () => {
      // The setup code's box closes the start-up text.
      const match = /running at http:\/\/localhost:(\d+)[\s\S]*\n\+-+\+\n\n/.exec(stdout);
      if (match) resolve({ port: Number(match[1]), startupEnd: match.index + match[0].length });
    });
    child.on("exit", (code) => reject(new Error(`aims serve exited with ${code}: ${stderr}`)));
  });
  return { child, output: () => stdout, port, startupEnd };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

describe("aims serve output", () => {
  let dataDir: string;
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("says where it listens, logs first, and ends the start-up text with the framed setup code", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "aims-serve-out-"));
    const serving = await serve(dataDir, { AIMS_LOG_LEVEL: "info" });
    try {
      const startup = serving.output().slice(0, serving.startupEnd);
      expect(startup).toContain(`address:  127.0.0.1:${serving.port}, this computer only`);
      const box = startup.slice(startup.indexOf("\n+-")).trim().split("\n");
      expect(box.every((line) => /^[+|]/.test(line))).toBe(true);
      expect(box.join("\n")).toContain(`http://localhost:${serving.port}/setup`);
      expect(box.join("\n")).toMatch(/one-time setup code:\s+\|\n\|\s+aims_setup_[\w-]{20,}\s+\|/);

      const response = await fetch(`http://127.0.0.1:${serving.port}/healthz`);
      expect(response.status).toBe(200);
      // The first line after the setup code is the request's: nothing from the start came later.
      const accessLine = await nextLine(serving, serving.startupEnd);
      expect(JSON.parse(accessLine)).toMatchObject({ msg: "request", method: "GET", path: "/healthz", status: 200 });
    } finally {
      await stop(serving.child);
    }
  });
});

/** The first full line written after `offset`. */
async function nextLine(serving: Serving, offset: number): Promise<string> {
  for (;;) {
    const after = serving.output().slice(offset);
    if (after.includes("\n")) return after.slice(0, after.indexOf("\n"));
    await new Promise((resolve) => serving.child.stdout?.once("data", resolve));
  }
}
