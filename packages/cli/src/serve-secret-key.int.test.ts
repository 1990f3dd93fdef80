import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { usesPostgres } from "./testing/run-cli.js";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));

/** Runs `aims serve` from source; a server that starts is stopped and reported as started. */
function serve(dataDir: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  const { DATABASE_URL: _url, AIMS_SECRET_KEY: _key, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", main, "serve", "--port", "0", "--data-dir", dataDir], {
    env: { ...inherited, AIMS_LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout.on("data", (chunk: Buffer) => {
    if (chunk.toString().includes("OpenAIMS is running")) child.kill("SIGTERM");
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr: `${stderr}` })));
}

describe("aims serve and the secret key", () => {
  const dirs: string[] = [];
  const freshDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), "aims-serve-key-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("exits 2 naming AIMS_SECRET_KEY, but not its value, when it is not a 32-byte key", async () => {
    const result = await serve(await freshDir(), { AIMS_SECRET_KEY: "hunter2-not-a-key" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^aims: AIMS_SECRET_KEY must be 32 random bytes as base64 or 64 hex digits/);
    expect(result.stderr).not.toContain("hunter2");
  });

  it("exits 2 when DATABASE_URL is set and there is no key to share", async () => {
    const result = await serve(await freshDir(), { DATABASE_URL: "postgres://aims@127.0.0.1:1/aims" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^aims: AIMS_SECRET_KEY must be set when DATABASE_URL is/);
  });

  it.skipIf(usesPostgres || process.platform === "win32")(
    "exits 2 when the key file can be read by others, saying how to fix it",
    async () => {
      const dir = await freshDir();
      await writeFile(join(dir, "secret.key"), `${Buffer.alloc(32, 7).toString("base64")}\n`, { mode: 0o644 });
      const result = await serve(dir, {});
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`chmod 600 ${join(dir, "secret.key")}`);
    },
  );
});
