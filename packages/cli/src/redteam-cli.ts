import { registerRedteamCommand } from "./commands/redteam.js";
import type { CliIo } from "./io.js";
import { newProgram } from "./program.js";
import { runProgram } from "./run-program.js";

const environmentHelp = "Environment:\n  AIMS_DEBUG=1         print stack traces of unexpected errors";

/**
 * `aims redteam` on its own: the scanner needs none of the server, database or export libraries, so
 * loading only this command lets a scan start in a fraction of the time the whole tree takes.
 */
export function run(argv: string[], io: CliIo): Promise<number> {
  const program = newProgram(io, environmentHelp);
  registerRedteamCommand(program, io);
  return runProgram(program, argv, io);
}
