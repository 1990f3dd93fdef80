import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock.js";

const lockModule = fileURLToPath(new URL("./data-dir-lock.ts", import.meta.url));

/** A separate process that takes the lock on `dir`, says so on stdout, and waits to be killed. */
function startHolder(dir: string): Promise<ChildProcess> {
  const script = `const { lockDataDir } = await import(${JSON.stringify(lockModule)});
await lockDataDir(${JSON.stringify(dir)});
process.stdout.write("locked\\n");
setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("locked")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`the holder exited with ${code} before taking the lock`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

describe("the data directory lock", () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "aims-lock-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("refuses while a live process holds it, naming that process, and is free again after release", async () => {
    const dir = tempDir();
    const holder = await startHolder(dir);
    children.push(holder);
    const refusal = await lockDataDir(dir).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as DataDirLockedError).holderPid).toBe(holder.pid);
    expect((refusal as Error).message).toContain(`is in use by another OpenAIMS process (pid ${holder.pid})`);

    const mine = await lockDataDir(tempDir());
    await mine();
  });

  it("is taken over at once after its holder was killed with SIGKILL", async () => {
    const dir = tempDir();
    const holder = await startHolder(dir);
    await killed(holder);
    const started = Date.now();
    const release = await lockDataDir(dir);
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(lockDataDir(dir)).rejects.toThrow(`(pid ${process.pid})`);
    await release();
    expect(existsSync(join(dir, "aims.lock"))).toBe(false);
  });

  it("lets exactly one of several starters take over an abandoned lock", async () => {
    const dir = tempDir();
    const holder = await startHolder(dir);
    await killed(holder);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => lockDataDir(dir)));
    const taken = results.filter((result) => result.status === "fulfilled");
    expect(taken).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toBeInstanceOf(DataDirLockedError);
    }
    await (taken[0] as PromiseFulfilledResult<() => Promise<void>>).value();
  });

  it("treats a lock without a readable pid as held until it goes untouched", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "aims.lock"), "");
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
  });
});
