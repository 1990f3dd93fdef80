import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { Gateway } from "../mcp-gateway/gateway.js";
import { loadGatewayConfig } from "../mcp-gateway/gateway-config.js";
import { gatewayLog } from "../mcp-gateway/gateway-log.js";
import { openGatewaySession } from "../mcp-gateway/gateway-session.js";
import { listenHttp } from "../mcp-gateway/http-listener.js";
import { StdioDownstreamTransport } from "../mcp-gateway/stdio-downstream.js";

interface GatewayFlags {
  config: string;
  verbose?: boolean;
}

/** Registers `aims mcp-gateway`, an MCP proxy that enforces an agent action policy. */
export function registerMcpGatewayCommand(program: Command, io: CliIo): void {
  program
    .command("mcp-gateway")
    .description(
      "Stand between an MCP client and MCP servers: hide tools the policy denies, decide every call before it reaches a server, ask for approval, and report decisions",
    )
    .requiredOption("--config <file>", "the gateway's configuration (YAML or JSON; see docs/mcp-gateway.md)")
    .option("--verbose", "print each decision (never its arguments) and connection events on stderr")
    .addHelpText(
      "after",
      "\nIn stdio mode (the default) stdout is the MCP channel: every message the gateway prints goes to stderr.",
    )
    .action((flags: GatewayFlags) => runGateway(flags, io));
}

async function runGateway(flags: GatewayFlags, io: CliIo): Promise<void> {
  const config = await loadGatewayConfig(resolve(io.cwd, flags.config), io.env);
  const log = gatewayLog(io.stderr, flags.verbose === true);
  const gateway = new Gateway(config, io.env, log);
  try {
    await gateway.start();
  } catch (error) {
    await gateway.stop();
    throw error;
  }
  const listen = config.listen;
  if (listen.kind === "http") {
    const listener = await listenHttp(gateway, listen);
    io.stderr(`aims mcp-gateway: listening on ${listener.url}\n`);
    await io.waitForShutdown();
    await bounded(listener.close());
  } else {
    const server = openGatewaySession(gateway, randomUUID());
    const transport = new StdioDownstreamTransport(process.stdin, process.stdout);
    const closed = new Promise<string>((done) => {
      const before = server.onclose;
      server.onclose = () => {
        before?.();
        done("closed");
      };
    });
    await server.connect(transport);
    log.info("serving MCP on stdin and stdout");
    await Promise.race([closed, io.waitForShutdown()]);
    await bounded(server.close());
  }
  await bounded(gateway.stop());
  log.info("stopped");
}

/** How long stopping may take before the gateway gives up waiting for servers and clients. */
const STOP_WAIT_MS = 5000;

/** Waits for a step of the shutdown, but not for ever: a server that hangs must not keep the gateway running. */
async function bounded(step: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    step.catch(() => undefined),
    new Promise((resolve) => {
      timer = setTimeout(resolve, STOP_WAIT_MS);
      timer.unref();
    }),
  ]);
  clearTimeout(timer);
}
