import { type Command, CommanderError } from "commander";
import { describeFailure } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";
import type { CliIo } from "./io.js";

/** Parses one command line with `program` and turns whatever happens into an exit code. */
export async function runProgram(program: Command, argv: string[], io: CliIo): Promise<number> {
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
