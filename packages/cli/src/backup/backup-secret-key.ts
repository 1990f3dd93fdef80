import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Database } from "@openaims/db";
import {
  createSecretBox,
  findServerSecretKey,
  findUnreadableClientSecrets,
  installSecretKeyFile,
  parseSecretKey,
} from "@openaims/server";
import type { Kysely } from "kysely";
import { checkFailed, refusedError, usageError } from "../cli-error.js";
import type { CliIo } from "../io.js";

/**
 * The server's secret key seals stored secrets (identity-provider client secrets). A backup leaves
 * it out unless asked, so that someone holding a backup cannot read those secrets; restoring rows
 * sealed under another key is allowed, and the secrets that key cannot read are named.
 */

/** Where the key is kept in an archive that includes it. */
export const SECRET_KEY_ARCHIVE_FILE = "secret.key";

/** The key a server on this data directory would use (AIMS_SECRET_KEY, then secret.key), or null. */
export function serverSecretKey(io: CliIo, dataDir: string): { key: Buffer; from: string } | null {
  try {
    const raw = io.env.AIMS_SECRET_KEY;
    const found = findServerSecretKey({ secretKey: raw ? parseSecretKey(raw, "AIMS_SECRET_KEY") : undefined, dataDir });
    return found ? { key: found.key, from: found.path ?? "AIMS_SECRET_KEY" } : null;
  } catch (error) {
    throw usageError((error as Error).message);
  }
}

/** The key `aims backup --include-secret-key` stores; refuses when there is none to store. */
export function secretKeyToArchive(io: CliIo, dataDir: string): Buffer {
  const found = serverSecretKey(io, dataDir);
  if (!found) {
    throw refusedError(
      `There is no secret key to include: AIMS_SECRET_KEY is not set and ${join(dataDir, SECRET_KEY_ARCHIVE_FILE)} does not exist.`,
    );
  }
  return found.key;
}

/**
 * After a restore: installs the backup's key into a data directory that has none (and no
 * AIMS_SECRET_KEY), then lists every stored secret the resulting key cannot read. Returns lines for
 * standard output (what was done) and for standard error (what needs the administrator).
 */
export async function settleRestoredSecrets(
  io: CliIo,
  db: Kysely<Database>,
  dataDir: string,
  unpacked: string,
  includesKey: boolean,
): Promise<{ done: string[]; problems: string[] }> {
  const done: string[] = [];
  const problems: string[] = [];
  let current = serverSecretKey(io, dataDir);
  if (includesKey) {
    let archived: Buffer;
    try {
      archived = parseSecretKey(await readFile(join(unpacked, SECRET_KEY_ARCHIVE_FILE), "utf8"), "The backup's key");
    } catch (error) {
      throw checkFailed((error as Error).message);
    }
    const box = createSecretBox(archived);
    if (!current) {
      installSecretKeyFile(dataDir, archived);
      current = serverSecretKey(io, dataDir);
      done.push(`Installed the backup's secret key ${box.keyId} as ${join(dataDir, SECRET_KEY_ARCHIVE_FILE)}.`);
    } else if (!current.key.equals(archived)) {
      problems.push(
        `The backup holds secret key ${box.keyId}; kept this server's own key (${current.from}). Set AIMS_SECRET_KEY to the backup's key to read secrets sealed with it.`,
      );
    }
  }
  // Without a key, a server generates a new one on first start, and that opens nothing sealed before.
  const box = createSecretBox(current?.key ?? randomBytes(32));
  const serverKey = current ? `this server's key is ${box.keyId}` : "this data directory has no key yet";
  const unreadable = await findUnreadableClientSecrets(db, box);
  for (const secret of unreadable) {
    problems.push(
      `Cannot read: the single sign-on client secret of organisation '${secret.orgSlug}' was sealed with key ${secret.sealedWith}, but ${serverKey}.`,
    );
  }
  if (unreadable.length > 0) {
    problems.push(
      "Start the server with AIMS_SECRET_KEY set to the key those secrets were sealed with, or enter them again in the organisation's single sign-on settings.",
    );
  }
  return { done, problems };
}
