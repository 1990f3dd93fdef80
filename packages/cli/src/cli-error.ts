import { ExitCode, type ExitCodeValue } from "./exit-codes.js";

/** An error the command line reports as one line on stderr, exiting with its code. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCodeValue,
    message: string,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export const usageError = (message: string) => new CliError(ExitCode.usage, message);
export const notFoundError = (message: string) => new CliError(ExitCode.notFound, message);
export const refusedError = (message: string) => new CliError(ExitCode.refused, message);
export const checkFailed = (message: string) => new CliError(ExitCode.checkFailed, message);

/** Application error codes of the server's operations, as exit codes. */
const appErrorExitCodes: Record<string, ExitCodeValue> = {
  validation_failed: ExitCode.usage,
  not_found: ExitCode.notFound,
  conflict: ExitCode.refused,
  illegal_transition: ExitCode.refused,
};

/** Maps anything thrown by a command to the exit code and the one line shown to the person. */
export function describeFailure(error: unknown): { exitCode: ExitCodeValue; message: string } {
  if (error instanceof CliError) return { exitCode: error.exitCode, message: error.message };
  // By name, not instanceof: commands that never open a database (redteam) do not load the db package.
  if (error instanceof Error && error.name === "DataDirLockedError")
    return { exitCode: ExitCode.unavailable, message: error.message };
  if (error instanceof Error && error.name === "AppError") {
    const code = (error as Error & { code: string }).code;
    return { exitCode: appErrorExitCodes[code] ?? ExitCode.unexpected, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: ExitCode.unexpected, message: message.split("\n")[0] ?? "unknown error" };
}
