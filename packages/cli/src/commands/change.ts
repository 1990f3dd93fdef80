import type { Command } from "commander";
import type { CliIo } from "../io.js";

export function registerChangeCommands(program: Command, _io: CliIo): void {
  program.command("change").description("Change control: record changes to AI systems on a running server");
}
