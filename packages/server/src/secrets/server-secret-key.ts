import { randomBytes } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { parseSecretKey, SECRET_KEY_BYTES } from "./secret-box.js";

/** The key file's name in the data directory. */
export const SECRET_KEY_FILE = "secret.key";

/** A key that cannot be used: the server must not start. The message says which file or variable, and what to do. */
export class SecretKeyError extends Error {
  override name = "SecretKeyError";
}

/** Where the server's secret key came from, for the start-up log. */
export type SecretKeySource = "AIMS_SECRET_KEY" | "key file" | "generated key file";

export interface LoadedSecretKey {
  key: Buffer;
  source: SecretKeySource;
  /** The key file read or created, when the key is not from AIMS_SECRET_KEY. */
  path: string | null;
}

/**
 * The server's secret key: AIMS_SECRET_KEY when set, otherwise `<data dir>/secret.key`, generated
 * on first start with owner-only permissions. With DATABASE_URL no key is generated: processes on
 * other machines share the database but not this file, and would each make their own.
 */
export function loadServerSecretKey(settings: {
  secretKey: Buffer | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
}): LoadedSecretKey {
  const existing = findServerSecretKey(settings);
  if (existing) return existing;
  const path = join(settings.dataDir, SECRET_KEY_FILE);
  if (settings.databaseUrl) {
    throw new SecretKeyError(
      `AIMS_SECRET_KEY must be set when DATABASE_URL is (or ${path} must exist): every server sharing the database needs the same key to read the secrets stored in it. Generate one with: openssl rand -base64 32`,
    );
  }
  return { key: createKeyFile(path), source: "generated key file", path };
}

/** The key a server started with these settings would use, or null when it would have to generate one. */
export function findServerSecretKey(settings: {
  secretKey: Buffer | undefined;
  dataDir: string;
}): LoadedSecretKey | null {
  if (settings.secretKey) return { key: settings.secretKey, source: "AIMS_SECRET_KEY", path: null };
  const path = join(settings.dataDir, SECRET_KEY_FILE);
  const key = readKeyFile(path);
  return key ? { key, source: "key file", path } : null;
}

/**
 * Writes `key` as the data directory's key file (a restored key), owner-only, unless the directory
 * already has one, which is left alone. True when the directory's key is now `key`.
 */
export function installSecretKeyFile(dataDir: string, key: Buffer): boolean {
  const path = join(dataDir, SECRET_KEY_FILE);
  return writeKeyFile(path, key).equals(key);
}

/** The key in the file, or null when there is no file; refuses a file others may read. */
function readKeyFile(path: string): Buffer | null {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  if (process.platform !== "win32" && (mode & 0o077) !== 0) {
    throw new SecretKeyError(
      `${path} can be read by other users (mode ${(mode & 0o777).toString(8)}); make it owner-only with: chmod 600 ${path}`,
    );
  }
  try {
    return parseSecretKey(readFileSync(path, "utf8"), path);
  } catch (error) {
    throw new SecretKeyError((error as Error).message);
  }
}

/**
 * Writes a new random key to a private temporary file, then links it into place: the link fails if
 * another process got there first, and then that process's key is used, so two servers starting
 * together end up with one key and never read a half-written file.
 */
function createKeyFile(path: string): Buffer {
  return writeKeyFile(path, randomBytes(SECRET_KEY_BYTES));
}

/** Publishes `key` at `path` unless a key file is already there; returns the key the file holds. */
function writeKeyFile(path: string, key: Buffer): Buffer {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const fd = openSync(temporary, "wx", 0o600);
  try {
    writeSync(fd, `${key.toString("base64")}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const theirs = readKeyFile(path);
    if (!theirs) throw error;
    return theirs;
  } finally {
    unlinkSync(temporary);
  }
}
