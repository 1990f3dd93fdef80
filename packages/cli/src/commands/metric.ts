import type { Command } from "commander";
import type { CliIo } from "../io.js";

export function registerMetricCommands(program: Command, _io: CliIo): void {
  program.command("metric").description("Monitoring: push metric observations to a running server");
}
