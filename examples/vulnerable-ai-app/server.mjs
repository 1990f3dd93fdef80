#!/usr/bin/env node
// @ts-check
/**
 * The reference app from the command line:
 *   node examples/vulnerable-ai-app/server.mjs [--port 8000] [--host 127.0.0.1] [--hardened]
 *     [--mode openai|http|both] [--rate-limit 10] [--latency MS]
 *     [--tools-mcp "<command line>" | --tools-mcp-url URL]   (MCP mode: the support agent's tools through MCP)
 * Importing this file gives `startApp` without starting anything.
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_RATE_LIMIT, startApp } from "./start-app.mjs";

export { startApp } from "./start-app.mjs";

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8000" },
      host: { type: "string", default: "127.0.0.1" },
      hardened: { type: "boolean", default: false },
      mode: { type: "string", default: "both" },
      "rate-limit": { type: "string", default: String(DEFAULT_RATE_LIMIT) },
      latency: { type: "string", default: "0" },
      "tools-mcp": { type: "string" },
      "tools-mcp-url": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(
      'usage: server.mjs [--port 8000] [--host 127.0.0.1] [--hardened] [--mode openai|http|both] [--rate-limit 10] [--latency MS] [--tools-mcp "<command line>" | --tools-mcp-url URL]',
    );
    return;
  }
  const mode = values.mode;
  if (mode !== "openai" && mode !== "http" && mode !== "both") throw new Error("--mode must be openai, http or both");
  const port = Number(values.port);
  const rateLimit = Number(values["rate-limit"]);
  const latencyMs = Number(values.latency);
  if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > 60_000)
    throw new Error("--latency must be a whole number of milliseconds (0 to 60000)");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("--port must be a port number");
  if (!Number.isInteger(rateLimit) || rateLimit < 0)
    throw new Error("--rate-limit must be a whole number (0 turns it off)");
  const toolsMcp = values["tools-mcp"];
  const toolsMcpUrl = values["tools-mcp-url"];
  if (toolsMcp !== undefined && toolsMcpUrl !== undefined)
    throw new Error("give --tools-mcp or --tools-mcp-url, not both");
  const app = await startApp({
    port,
    host: values.host,
    hardened: values.hardened,
    mode,
    rateLimit,
    latencyMs,
    ...(toolsMcp !== undefined ? { toolsMcp } : {}),
    ...(toolsMcpUrl !== undefined ? { toolsMcpUrl } : {}),
  });
  const through = toolsMcp !== undefined || toolsMcpUrl !== undefined ? ", tools through MCP" : "";
  console.log(`vulnerable-ai-app (${values.hardened ? "hardened" : "vulnerable"}${through}) listening on ${app.url}`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(`vulnerable-ai-app: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
