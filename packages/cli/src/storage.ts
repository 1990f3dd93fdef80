import { join, resolve } from "node:path";
import {
  type AimsDatabase,
  DataDirLockedError,
  FileBlobStore,
  migrate,
  openDatabase,
  pendingMigrations,
} from "@openaims/db";
import type { Command } from "commander";
import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";
import type { CliIo } from "./io.js";

export interface StorageFlags {
  dataDir?: string;
}

/** An open database with the data directory its blobs live in. */
export interface Storage {
  database: AimsDatabase;
  dataDir: string;
  blobs: FileBlobStore;
  /** Where the data is, for messages: the data directory or the PostgreSQL host. */
  description: string;
}

/** Adds --data-dir to a command that opens the database. */
export function withDataDirOption(command: Command): Command {
  return command.option(
    "--data-dir <dir>",
    "data directory: embedded database and files (default: $AIMS_DATA_DIR or ./.aims); with DATABASE_URL set, only files",
  );
}

export function resolveDataDir(flags: StorageFlags, io: CliIo): string {
  return resolve(io.cwd, flags.dataDir ?? io.env.AIMS_DATA_DIR ?? ".aims");
}

/**
 * "migrate" brings the schema up to date first, as the server does at start; "require" leaves the
 * database untouched and refuses to work on one that is behind (read-only commands); "as-is" is for
 * commands that look at the schema themselves.
 */
export type SchemaPolicy = "migrate" | "require" | "as-is";

/** Opens the database for one command and always closes it again. */
export async function withStorage<T>(
  flags: StorageFlags,
  io: CliIo,
  schema: SchemaPolicy,
  fn: (storage: Storage) => Promise<T>,
): Promise<T> {
  const storage = await openStorage(flags, io);
  try {
    if (schema === "migrate") await storage.database.withSession(migrate);
    if (schema === "require") {
      const pending = await storage.database.withSession(pendingMigrations);
      if (pending.length > 0) {
        throw new CliError(
          ExitCode.unavailable,
          `The database in ${storage.description} is not set up yet (pending migrations: ${pending.join(", ")}). Run 'aims migrate' or start the server once.`,
        );
      }
    }
    return await fn(storage);
  } finally {
    await storage.database.close();
  }
}

/** Opens the database named by the flags and environment; a failure to reach it is exit code 3. */
export async function openStorage(flags: StorageFlags, io: CliIo, poolSize = 4): Promise<Storage> {
  const dataDir = resolveDataDir(flags, io);
  const databaseUrl = io.env.DATABASE_URL || undefined;
  const description = databaseUrl ? `PostgreSQL at ${describeUrl(databaseUrl)}` : dataDir;
  try {
    const database = await openDatabase({ dataDir, databaseUrl, poolSize });
    return { database, dataDir, blobs: new FileBlobStore(join(dataDir, "blobs")), description };
  } catch (error) {
    if (error instanceof DataDirLockedError) throw error;
    throw new CliError(ExitCode.unavailable, `Cannot open the database (${description}): ${(error as Error).message}`);
  }
}

/** Host, port and database name of a connection string, never its password. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}${parsed.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}
