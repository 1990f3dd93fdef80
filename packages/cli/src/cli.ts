import type { Command } from "commander";
import { registerAibomCommands } from "./commands/aibom.js";
import { registerAuditCommands } from "./commands/audit.js";
import { registerBackupCommand } from "./commands/backup.js";
import { registerChangeCommands } from "./commands/change.js";
import { registerDriftReportCommand } from "./commands/drift.js";
import { registerDriftUploadCommand } from "./commands/drift-upload.js";
import { registerExportCommands } from "./commands/export.js";
import { registerGateCommands } from "./commands/gate.js";
import { registerInitCommand } from "./commands/init.js";
import { registerMcpGatewayCommand } from "./commands/mcp-gateway.js";
import { registerMetricCommands } from "./commands/metric.js";
import { registerMigrateCommand } from "./commands/migrate.js";
import { registerModelScanCommand } from "./commands/model-scan.js";
import { registerModelSigningCommands } from "./commands/model-signing.js";
import { registerRedteamCommand } from "./commands/redteam.js";
import { registerRestoreCommand } from "./commands/restore.js";
import { registerReviewCommands } from "./commands/review.js";
import { registerServeCommand } from "./commands/serve.js";
import { registerTokenCommands } from "./commands/token.js";
import { registerUserCommands } from "./commands/user.js";
import { type CliIo, processIo } from "./io.js";
import { newProgram } from "./program.js";
import { runProgram } from "./run-program.js";

const environmentHelp = `Environment:
  AIMS_DATA_DIR        data directory (default ./.aims), overridden by --data-dir
  DATABASE_URL         use this PostgreSQL database instead of the embedded one
  AIMS_SECRET_KEY      32-byte key (base64 or hex) sealing stored secrets; default <data dir>/secret.key
  AIMS_INIT_PASSWORD   password for 'aims init' (otherwise prompted)
  AIMS_USER_PASSWORD   password for 'aims user create' and 'aims user set-password'
  AIMS_WEB_DIR         built web UI served by 'aims serve'
  AIMS_HOST            address 'aims serve' listens on (default 127.0.0.1), overridden by --host
  AIMS_LOG_LEVEL       warn (default), info (adds a line per request), debug, error or silent
  AIMS_DEBUG=1         print stack traces of unexpected errors`;

/** The `aims` command tree, writing through `io`. */
export function buildProgram(io: CliIo): Command {
  const program = newProgram(io, environmentHelp);
  registerServeCommand(program, io);
  registerInitCommand(program, io);
  registerMigrateCommand(program, io);
  registerUserCommands(program, io);
  registerTokenCommands(program, io);
  registerAuditCommands(program, io);
  registerBackupCommand(program, io);
  registerRestoreCommand(program, io);
  registerExportCommands(program, io);
  registerGateCommands(program, io);
  registerChangeCommands(program, io);
  registerMetricCommands(program, io);
  registerReviewCommands(program, io);
  registerRedteamCommand(program, io);
  registerDriftReportCommand(program, io);
  registerDriftUploadCommand(program, io);
  registerAibomCommands(program, io);
  registerModelScanCommand(program, io);
  registerModelSigningCommands(program, io);
  registerMcpGatewayCommand(program, io);
  return program;
}

/** Runs one command line (without the node and script arguments) and returns its exit code. */
export function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  return runProgram(buildProgram(io), argv, io);
}
