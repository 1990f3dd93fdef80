import { Command } from "commander";
import packageJson from "../package.json" with { type: "json" };
import { exitCodeHelp } from "./exit-codes.js";
import type { CliIo } from "./io.js";

/** The top-level `aims` command, writing through `io`, before any subcommand is registered. */
export function newProgram(io: CliIo, environmentHelp: string): Command {
  return new Command("aims")
    .description("OpenAIMS: a self-hosted AI management system (ISO/IEC 42001).")
    .version(packageJson.version)
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
    .addHelpText("after", `\n${environmentHelp}\n\n${exitCodeHelp}\n`);
}
