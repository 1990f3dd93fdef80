import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { finished } from "node:stream/promises";
import type { BlobStore, RawSession } from "@openaims/db";
import { create } from "tar";
import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";
import type { Storage } from "../storage.js";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupManifest,
  backupTables,
  blobFile,
  MANIFEST_FILE,
  tableFile,
} from "./backup-format.js";
import { SECRET_KEY_ARCHIVE_FILE } from "./backup-secret-key.js";
import { digestFile } from "./file-digest.js";

const FETCH_ROWS = 2_000;

/**
 * Writes the database and the stored files into one .tar.gz. The tables are read in a single
 * read-only snapshot; blobs are copied afterwards, which is still consistent because a blob is
 * stored before any row that names it is committed, and blobs are never changed.
 */
export async function writeBackup(
  storage: Storage,
  outFile: string,
  options: { secretKey?: Buffer } = {},
): Promise<BackupManifest> {
  const staging = await mkdtemp(join(dirname(outFile), ".aims-backup-"));
  const partial = `${outFile}.partial`;
  try {
    const snapshot = await storage.database.withSession((session) => dumpTables(session, staging));
    const blobs = await copyBlobs(storage.blobs, staging);
    if (options.secretKey) {
      const path = join(staging, SECRET_KEY_ARCHIVE_FILE);
      await writeFile(path, `${options.secretKey.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
      snapshot.files[SECRET_KEY_ARCHIVE_FILE] = await digestFile(path);
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      engine: storage.database.engine,
      ...snapshot,
      blobs,
    };
    await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const entries = [
      MANIFEST_FILE,
      "tables",
      ...(blobs.length > 0 ? ["blobs"] : []),
      ...(options.secretKey ? [SECRET_KEY_ARCHIVE_FILE] : []),
    ];
    // An archive holding the key is readable by its owner only, like the key file itself.
    if (options.secretKey) await writeFile(partial, "", { mode: 0o600 });
    await create({ gzip: true, file: partial, cwd: staging, portable: true }, entries);
    await rename(partial, outFile);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

type TableSnapshot = Pick<BackupManifest, "migrations" | "tables" | "files">;

async function dumpTables(session: RawSession, dir: string): Promise<TableSnapshot> {
  await mkdir(join(dir, "tables"));
  await session.exec("begin isolation level repeatable read read only");
  try {
    // JSON timestamps in UTC whatever the server's time zone, so backups compare byte for byte.
    await session.exec("set local time zone 'UTC'");
    await refuseUnknownTables(session);
    const migrations = (await session.query<{ id: string }>("select id from schema_migrations order by id")).map(
      (r) => r.id,
    );
    const snapshot: TableSnapshot = { migrations, tables: {}, files: {} };
    for (const table of backupTables) {
      const path = tableFile(table.name);
      const dumped = await dumpTable(session, table, join(dir, path));
      snapshot.tables[table.name] = dumped.rows;
      snapshot.files[path] = { sha256: dumped.sha256, size: dumped.size };
    }
    await session.exec("commit");
    return snapshot;
  } catch (error) {
    await session.exec("rollback");
    throw error;
  }
}

/** A table this build does not know would be silently left out of the backup: stop instead. */
async function refuseUnknownTables(session: RawSession): Promise<void> {
  const rows = await session.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'",
  );
  const known = new Set<string>(backupTables.map((t) => t.name));
  const unknown = rows.map((r) => r.name).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new CliError(
      ExitCode.refused,
      `The database has tables this version cannot back up (${unknown.join(", ")}); use a matching 'aims'.`,
    );
  }
}

/** Rows as JSON lines, as PostgreSQL renders them (engine-independent: ISO timestamps, JSON for jsonb, arrays as arrays). */
async function dumpTable(session: RawSession, table: (typeof backupTables)[number], path: string) {
  const out = createWriteStream(path, { flags: "wx" });
  const hash = createHash("sha256");
  let rows = 0;
  let size = 0;
  await session.exec(
    `declare dump_rows no scroll cursor for select row_to_json(t)::text as line from ${table.name} t order by ${table.orderBy}`,
  );
  for (;;) {
    const batch = await session.query<{ line: string }>(`fetch ${FETCH_ROWS} from dump_rows`);
    if (batch.length === 0) break;
    const chunk = Buffer.from(batch.map((r) => `${r.line}\n`).join(""));
    hash.update(chunk);
    size += chunk.length;
    rows += batch.length;
    if (!out.write(chunk)) await once(out, "drain");
  }
  await session.exec("close dump_rows");
  out.end();
  await finished(out);
  return { rows, size, sha256: hash.digest("hex") };
}

/** Copies every stored blob, checking on the way that its content still matches its name. */
async function copyBlobs(blobs: BlobStore, dir: string): Promise<BackupManifest["blobs"]> {
  const copied: BackupManifest["blobs"] = [];
  for await (const sha256 of blobs.list()) {
    const source = await blobs.get(sha256);
    if (!source) continue;
    if (copied.length === 0) await mkdir(join(dir, "blobs"));
    const out = createWriteStream(join(dir, blobFile(sha256)), { flags: "wx" });
    const hash = createHash("sha256");
    let size = 0;
    for await (const chunk of source) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await finished(out);
    if (hash.digest("hex") !== sha256) {
      throw new CliError(
        ExitCode.checkFailed,
        `Stored file ${sha256} is corrupt (its content no longer matches its digest).`,
      );
    }
    copied.push({ sha256, size });
  }
  return copied;
}
