import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@openaims/db";
import { afterAll, describe, expect, it } from "vitest";
import { usesPostgres } from "./testing/run-cli.js";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));

/** Runs the real `aims` process (from source) and collects its exit code and output. */
function aims(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", main, ...args], {
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

describe("the aims process", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("prints help with the exit codes and exits 0", async () => {
    const result = await aims(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Exit codes:[\s\S]*3 +data directory locked/);
  });

  it("exits 2 on a usage error, with one line and no stack trace", async () => {
    const result = await aims(["token", "create", "--scope", "read"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/required option '--email <email>' not specified/);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it.skipIf(usesPostgres)("exits 3 naming the holder when the data directory is in use", async () => {
    const dir = await mkdtemp(join(tmpdir(), "aims-locked-"));
    dirs.push(dir);
    const holder = await openDatabase({ dataDir: dir });
    try {
      const result = await aims(["user", "list", "--data-dir", dir]);
      expect(result.code).toBe(3);
      expect(result.stderr.trim().split("\n")).toEqual([
        `aims: The data directory ${dir} is in use by another OpenAIMS process (pid ${process.pid}). Stop that process, talk to it through its API (AIMS_URL and AIMS_TOKEN), or choose another directory with --data-dir.`,
      ]);
    } finally {
      await holder.close();
    }
  });

  it("exits 3 when PostgreSQL cannot be reached", async () => {
    const result = await aims(["user", "list"], { DATABASE_URL: "postgres://aims@127.0.0.1:1/aims" });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^aims: Cannot open the database \(PostgreSQL at 127\.0\.0\.1:1\/aims\)/);
  });
});
