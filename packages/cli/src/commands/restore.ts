import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { SECRET_KEY_ARCHIVE_FILE, settleRestoredSecrets } from "../backup/backup-secret-key.js";
import { unpackBackup } from "../backup/read-backup.js";
import { checkBackupMigrations, restoreBackup } from "../backup/restore-backup.js";
import type { CliIo } from "../io.js";
import { openStorage, type StorageFlags, withDataDirOption } from "../storage.js";

interface RestoreFlags extends StorageFlags {
  force?: boolean;
}

export function registerRestoreCommand(program: Command, io: CliIo): void {
  withDataDirOption(
    program
      .command("restore")
      .description("Restore a backup made by 'aims backup' into an empty database (all or nothing)")
      .argument("<file>", "backup archive (.tar.gz)")
      .option("--force", "replace everything in a database that already holds data"),
  ).action((file: string, flags: RestoreFlags) => restore(file, flags, io));
}

async function restore(file: string, flags: RestoreFlags, io: CliIo): Promise<void> {
  const path = resolve(io.cwd, file);
  const staging = await mkdtemp(join(tmpdir(), "aims-restore-"));
  try {
    const manifest = await unpackBackup(path, staging);
    checkBackupMigrations(manifest);
    const storage = await openStorage(flags, io);
    let result: Awaited<ReturnType<typeof restoreBackup>>;
    let secrets: Awaited<ReturnType<typeof settleRestoredSecrets>>;
    try {
      result = await storage.database.withSession((session) =>
        restoreBackup(session, manifest, staging, storage.blobs, { force: Boolean(flags.force) }),
      );
      const includesKey = SECRET_KEY_ARCHIVE_FILE in manifest.files;
      secrets = await settleRestoredSecrets(io, storage.database.db, storage.dataDir, staging, includesKey);
    } finally {
      await storage.database.close();
    }
    const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
    io.stdout(
      `Restored ${rows.toLocaleString("en")} rows and ${manifest.blobs.length} files from a backup of ${manifest.createdAt} ` +
        `(${manifest.engine}) into ${storage.description}.\n`,
    );
    if (result.migrationsApplied.length > 0) io.stdout(`Migrations applied: ${result.migrationsApplied.join(", ")}.\n`);
    for (const line of secrets.done) io.stdout(`${line}\n`);
    for (const line of secrets.problems) io.stderr(`${line}\n`);
    io.stdout("Check it with 'aims audit verify'.\n");
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
