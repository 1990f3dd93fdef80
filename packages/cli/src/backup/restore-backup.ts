import { createReadStream } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { type BlobStore, migrations, type RawSession } from "@openaims/db";
import { checkFailed, refusedError } from "../cli-error.js";
import { type BackupManifest, backupTables, blobFile, tableFile } from "./backup-format.js";

const INSERT_ROWS = 1_000;
const INSERT_BYTES = 4 * 1024 * 1024;

/** Refuses a backup that needs a schema this build cannot create. */
export function checkBackupMigrations(manifest: BackupManifest): void {
  const known = migrations.map((m) => m.id);
  manifest.migrations.forEach((id, i) => {
    if (known[i] !== id) {
      throw refusedError(
        known.includes(id)
          ? `The backup's migrations are not in the order this version applies them (${id}); it cannot be restored here.`
          : `The backup was taken by a newer version of OpenAIMS (migration ${id} is unknown here). Upgrade, then restore.`,
      );
    }
  });
}

/**
 * Replaces the database's contents with the unpacked backup in one transaction: brings the schema
 * to the backup's migrations, empties every table, loads every row, applies any newer migrations,
 * and stores the blobs. Any failure rolls everything back.
 */
export async function restoreBackup(
  session: RawSession,
  manifest: BackupManifest,
  dir: string,
  blobs: BlobStore,
  options: { force: boolean },
): Promise<{ migrationsApplied: string[] }> {
  await session.exec("begin");
  try {
    const applied = await prepareSchema(session, manifest);
    if (!options.force) await refuseExistingData(session);
    await emptyTables(session);
    for (const table of backupTables) {
      if (table.name === "schema_migrations") continue;
      const rows = await loadTable(session, table.name, join(dir, tableFile(table.name)));
      if (rows !== manifest.tables[table.name]) {
        throw checkFailed(
          `The backup's ${table.name} holds ${rows} rows but its manifest records ${manifest.tables[table.name]}.`,
        );
      }
    }
    applied.push(...(await applyMigrations(session, migrations.slice(manifest.migrations.length))));
    for (const blob of manifest.blobs) {
      const stored = await blobs.put(createReadStream(join(dir, blobFile(blob.sha256))));
      if (stored.sha256 !== blob.sha256) throw checkFailed(`Restored file ${blob.sha256} does not match its digest.`);
    }
    await session.exec("commit");
    return { migrationsApplied: applied };
  } catch (error) {
    await session.exec("rollback");
    throw error;
  }
}

/** Applies the backup's migrations the database lacks; a database ahead of the backup is refused. */
async function prepareSchema(session: RawSession, manifest: BackupManifest): Promise<string[]> {
  await session.exec(
    "create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())",
  );
  const done = new Set((await session.query<{ id: string }>("select id from schema_migrations")).map((r) => r.id));
  const ahead = [...done].filter((id) => !manifest.migrations.includes(id));
  if (ahead.length > 0) {
    throw refusedError(
      `The database has migrations the backup predates (${ahead.join(", ")}); restore into an empty data directory or database instead.`,
    );
  }
  const needed = migrations.filter((m) => manifest.migrations.includes(m.id) && !done.has(m.id));
  return applyMigrations(session, needed);
}

async function applyMigrations(
  session: RawSession,
  list: ReadonlyArray<{ id: string; sql: string }>,
): Promise<string[]> {
  for (const migration of list) {
    await session.exec(migration.sql);
    await session.query("insert into schema_migrations (id) values ($1)", [migration.id]);
  }
  return list.map((m) => m.id);
}

async function refuseExistingData(session: RawSession): Promise<void> {
  const [row] = await session.query<{ users: number; organizations: number }>(
    "select (select count(*) from users)::int as users, (select count(*) from organizations)::int as organizations",
  );
  if (row && (row.users > 0 || row.organizations > 0)) {
    throw refusedError(
      `The target already holds data (accounts: ${row.users}, organisations: ${row.organizations}); nothing was changed. ` +
        "Restore into an empty data directory, or pass --force to replace everything.",
    );
  }
}

/** Empties every table. The audit trail refuses TRUNCATE by trigger; only a restore may lift that, inside its transaction. */
async function emptyTables(session: RawSession): Promise<void> {
  const tables = backupTables.filter((t) => t.name !== "schema_migrations").map((t) => t.name);
  await session.exec("alter table audit_entries disable trigger audit_entries_append_only");
  await session.exec(`truncate ${tables.join(", ")}`);
  await session.exec("alter table audit_entries enable trigger audit_entries_append_only");
}

/** Inserts a table's JSON lines in batches; PostgreSQL converts each JSON field to its column's type. */
async function loadTable(session: RawSession, table: string, path: string): Promise<number> {
  let batch: string[] = [];
  let bytes = 0;
  let rows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await session.query(`insert into ${table} select * from json_populate_recordset(null::${table}, $1::json)`, [
      `[${batch.join(",")}]`,
    ]);
    rows += batch.length;
    batch = [];
    bytes = 0;
  };
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line === "") continue;
    batch.push(line);
    bytes += line.length;
    if (batch.length >= INSERT_ROWS || bytes >= INSERT_BYTES) await flush();
  }
  await flush();
  return rows;
}
