import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@openaims/db";
import { openTestDatabase, readPGliteTemplate } from "@openaims/db/testing";
import { run } from "../cli.js";
import type { CliIo } from "../io.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `aims` in this process with a controlled environment; nothing is typed at a terminal. The
 * shutdown signal arrives at once unless `shutdown` says when (long-running commands such as
 * `serve` stop on it; `redteam` would abort).
 */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  options: { shutdown?: Promise<string>; cwd?: string } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    cwd: options.cwd ?? process.cwd(),
    readSecret: async () => null,
    waitForShutdown: () => options.shutdown ?? Promise.resolve("SIGTERM"),
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/**
 * Somewhere for the CLI to keep data: a fresh data directory with the embedded database, or, when
 * AIMS_TEST_DATABASE_URL is set, a fresh PostgreSQL database (DATABASE_URL) plus a directory for files.
 */
export interface CliTarget {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** Runs `aims` against this target. */
  cli(args: string[], env?: NodeJS.ProcessEnv): Promise<CliResult>;
  dispose(): Promise<void>;
}

export const usesPostgres = Boolean(process.env.AIMS_TEST_DATABASE_URL);

export async function createCliTarget(): Promise<CliTarget> {
  const dataDir = await mkdtemp(join(tmpdir(), "aims-cli-"));
  const database = usesPostgres ? await openTestDatabase() : null;
  if (!database) await seedFromTemplate(dataDir);
  const env: NodeJS.ProcessEnv = database?.url ? { DATABASE_URL: database.url } : {};
  return {
    dataDir,
    env,
    cli: (args, extra = {}) => runCli([...args, "--data-dir", dataDir], { ...env, ...extra }),
    dispose: async () => {
      await database?.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the target's database directly, as a second look at what the CLI did. Close it before running the CLI again. */
export function openTargetDatabase(target: CliTarget) {
  return openDatabase({ dataDir: target.dataDir, databaseUrl: target.env.DATABASE_URL });
}

/**
 * Starts the embedded data directory from the test run's migrated template, so the first command
 * does not pay for initdb and every migration (the CLI still checks for newer migrations).
 */
async function seedFromTemplate(dataDir: string): Promise<void> {
  const snapshot = await readPGliteTemplate();
  if (!snapshot) return;
  const seeded = await openDatabase({ dataDir, snapshot });
  await seeded.close();
}
