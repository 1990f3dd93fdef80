import { registerMcpGatewayCommand } from "./commands/mcp-gateway.js";
import type { CliIo } from "./io.js";
import { newProgram } from "./program.js";
import { runProgram } from "./run-program.js";

const environmentHelp = "Environment:\n  AIMS_DEBUG=1         print stack traces of unexpected errors";

/**
 * `aims mcp-gateway` on its own: an MCP client starts the gateway for each conversation, so it loads
 * only what the gateway needs, not the server, database or export libraries.
 */
export function run(argv: string[], io: CliIo): Promise<number> {
  const program = newProgram(io, environmentHelp);
  registerMcpGatewayCommand(program, io);
  return runProgram(program, argv, io);
}
