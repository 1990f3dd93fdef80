import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { secretKeyToArchive } from "../backup/backup-secret-key.js";
import { writeBackup } from "../backup/write-backup.js";
import { refusedError } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { printJson } from "../output.js";
import { type StorageFlags, withDataDirOption, withStorage } from "../storage.js";

interface BackupFlags extends StorageFlags {
  out: string;
  force?: boolean;
  json?: boolean;
  includeSecretKey?: boolean;
}

export function registerBackupCommand(program: Command, io: CliIo): void {
  withDataDirOption(
    program
      .command("backup")
      .description("Write a consistent snapshot of the database and stored files to one .tar.gz")
      .requiredOption("--out <file>", "archive to write, e.g. aims-backup.tar.gz")
      .option("--force", "overwrite --out if it exists")
      .option("--json", "print the manifest as JSON")
      .option(
        "--include-secret-key",
        "also store the server's secret key (AIMS_SECRET_KEY or <data dir>/secret.key), which reads the sealed client secrets; without it the archive cannot reveal them, and the key must be kept elsewhere",
      ),
  ).action((flags: BackupFlags) => backup(flags, io));
}

async function backup(flags: BackupFlags, io: CliIo): Promise<void> {
  const out = resolve(io.cwd, flags.out);
  if (existsSync(out) && !flags.force)
    throw refusedError(`${out} already exists; choose another --out or pass --force.`);
  const started = performance.now();
  const manifest = await withStorage(flags, io, "require", (storage) =>
    writeBackup(storage, out, flags.includeSecretKey ? { secretKey: secretKeyToArchive(io, storage.dataDir) } : {}),
  );
  if (flags.json) return printJson(io, { file: out, ...manifest });
  const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
  io.stdout(
    `Backed up ${rows.toLocaleString("en")} rows in ${Object.keys(manifest.tables).length} tables and ${manifest.blobs.length} files ` +
      `to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`,
  );
}
