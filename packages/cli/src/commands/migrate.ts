import { migrate, pendingMigrations } from "@openaims/db";
import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { type StorageFlags, withDataDirOption, withStorage } from "../storage.js";

interface MigrateFlags extends StorageFlags {
  status?: boolean;
  json?: boolean;
}

export function registerMigrateCommand(program: Command, io: CliIo): void {
  withDataDirOption(
    program
      .command("migrate")
      .description("Apply pending database migrations (the server also does this when it starts)")
      .option("--status", "list pending migrations without applying them")
      .option("--json", "print JSON"),
  ).action((flags: MigrateFlags) => runMigrate(flags, io));
}

async function runMigrate(flags: MigrateFlags, io: CliIo): Promise<void> {
  await withStorage(flags, io, "as-is", async ({ database }) => {
    if (flags.status) {
      const pending = await database.withSession(pendingMigrations);
      if (flags.json) io.stdout(`${JSON.stringify({ pending })}\n`);
      else
        io.stdout(
          pending.length
            ? `Pending migrations:\n${pending.map((id) => `  ${id}\n`).join("")}`
            : "The database is up to date.\n",
        );
      return;
    }
    const report = await database.withSession(migrate);
    if (flags.json) io.stdout(`${JSON.stringify(report)}\n`);
    else if (report.applied.length === 0) io.stdout("The database is up to date; nothing to apply.\n");
    else io.stdout(`Applied:\n${report.applied.map((id) => `  ${id}\n`).join("")}`);
  });
}
