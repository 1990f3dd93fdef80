import { Command, CommanderError } from "commander";
import packageJson from "../package.json" with { type: "json" };
import { describeFailure } from "./cli-error.js";
import { registerAuditCommands } from "./commands/audit.js";
import { registerBackupCommand } from "./commands/backup.js";
import { registerExportCommands } from "./commands/export.js";
import { registerInitCommand } from "./commands/init.js";
import { registerMigrateCommand } from "./commands/migrate.js";
import { registerRedteamCommand } from "./commands/redteam.js";
import { registerRestoreCommand } from "./commands/restore.js";
import { registerServeCommand } from "./commands/serve.js";
import { registerTokenCommands } from "./commands/token.js";
import { registerUserCommands } from "./commands/user.js";
import { ExitCode, exitCodeHelp } from "./exit-codes.js";
import { type CliIo, processIo } from "./io.js";

const environmentHelp = `Environment:
  AIMS_DATA_DIR        data directory (default ./.aims), overridden by --data-dir
  DATABASE_URL         use this PostgreSQL database instead of the embedded one
  AIMS_INIT_PASSWORD   password for 'aims init' (otherwise prompted)
  AIMS_USER_PASSWORD   password for 'aims user create' and 'aims user set-password'
  AIMS_WEB_DIR         built web UI served by 'aims serve'
  AIMS_DEBUG=1         print stack traces of unexpected errors`;

/** The `aims` command tree, writing through `io`. */
export function buildProgram(io: CliIo): Command {
  const program = new Command("aims")
    .description("OpenAIMS: a self-hosted AI management system (ISO/IEC 42001).")
    .version(packageJson.version)
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
    .addHelpText("after", `\n${environmentHelp}\n\n${exitCodeHelp}\n`);
  registerServeCommand(program, io);
  registerInitCommand(program, io);
  registerMigrateCommand(program, io);
  registerUserCommands(program, io);
  registerTokenCommands(program, io);
  registerAuditCommands(program, io);
  registerBackupCommand(program, io);
  registerRestoreCommand(program, io);
  registerExportCommands(program, io);
  registerRedteamCommand(program, io);
  return program;
}

/** Runs one command line (without the node and script arguments) and returns its exit code. */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed the help or the usage error.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    const failure = describeFailure(error);
    // A command that has already said everything exits with an empty message.
    if (failure.message) io.stderr(`aims: ${failure.message}\n`);
    if (io.env.AIMS_DEBUG === "1" && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return failure.exitCode;
  }
}
