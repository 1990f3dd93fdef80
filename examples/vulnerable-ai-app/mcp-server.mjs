#!/usr/bin/env node
// @ts-check
/**
 * The support agent's tools as an MCP server, so they can sit behind the OpenAIMS MCP gateway:
 *   node examples/vulnerable-ai-app/mcp-server.mjs [--hardened]               (stdio)
 *   node examples/vulnerable-ai-app/mcp-server.mjs --http 8100 [--host H]   (Streamable HTTP at /mcp)
 * Built on @modelcontextprotocol/sdk, resolved from the repository's node_modules (run `npm install`
 * at the repository root first); the app's default modes need no install.
 *
 * Each tool answers with its result as JSON text and as structured content. A call may name the
 * signed-in customer in `_meta["openaims/customer"]` (a customer id); hardened tools check against it.
 */
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { CUSTOMER_META_KEY } from "./mcp-tools.mjs";
import { CUSTOMERS } from "./support-data.mjs";
import { runSupportTool, SUPPORT_TOOLS } from "./support-tools.mjs";

/** Every tool of the support agent, the document search it runs before answering included. */
export const MCP_TOOLS = [
  ...SUPPORT_TOOLS,
  {
    name: "search_docs",
    description: "Search the shop's help documents.",
    parameters: { type: "object", properties: { query: { type: "string" } }, required: ["query"] },
  },
];

/** Stands in for the customer when a call names none: owns nothing. */
const NOBODY = { id: "", name: "unknown customer", records: [] };

/**
 * One MCP server (not yet connected) offering the support tools.
 * @param {{ hardened?: boolean }} [options]
 */
export function createToolServer({ hardened = false } = {}) {
  const server = new Server({ name: "vulnerable-ai-app-tools", version: "1.0.0" }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: MCP_TOOLS.map((tool) => ({
      name: tool.name,
      description: tool.description,
      inputSchema: /** @type {{ type: "object", [key: string]: unknown }} */ (tool.parameters),
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const { name, arguments: args = {} } = request.params;
    if (!MCP_TOOLS.some((tool) => tool.name === name))
      return { content: [{ type: "text", text: `There is no tool called ${name}.` }], isError: true };
    const customerId = request.params._meta?.[CUSTOMER_META_KEY];
    const customer = Object.values(CUSTOMERS).find((candidate) => candidate.id === customerId) ?? NOBODY;
    const result = await runSupportTool({ name, arguments: args }, customer, { hardened });
    const structured = result !== null && typeof result === "object" && !Array.isArray(result);
    return {
      content: [{ type: "text", text: JSON.stringify(result) }],
      ...(structured ? { structuredContent: /** @type {Record<string, unknown>} */ (result) } : {}),
    };
  });
  return server;
}

/**
 * Serves the tools over Streamable HTTP at /mcp, statelessly: each request gets its own server.
 * @param {{ port: number, host?: string, hardened?: boolean }} options
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function serveToolsOverHttp({ port, host = "127.0.0.1", hardened = false }) {
  const http = createServer(async (request, response) => {
    if ((request.url ?? "").split("?")[0] !== "/mcp") {
      response.writeHead(404).end();
      return;
    }
    const server = createToolServer({ hardened });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    response.on("close", () => {
      void transport.close();
      void server.close();
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(request, response);
    } catch {
      if (!response.headersSent) response.writeHead(500).end();
    }
  });
  await new Promise((resolve, reject) => {
    http.once("error", reject);
    http.listen(port, host, () => resolve(undefined));
  });
  const address = http.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}/mcp`,
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      http: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      hardened: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log("usage: mcp-server.mjs [--hardened] [--http PORT [--host 127.0.0.1]]");
    return;
  }
  if (values.http === undefined) {
    await createToolServer({ hardened: values.hardened }).connect(new StdioServerTransport());
    return;
  }
  const port = Number(values.http);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("--http must be a port number");
  const served = await serveToolsOverHttp({ port, host: values.host, hardened: values.hardened });
  // stdout is free in HTTP mode; in stdio mode it carries the protocol and nothing else.
  console.log(`vulnerable-ai-app tools (MCP) listening on ${served.url}`);
  const stop = () => void served.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(`vulnerable-ai-app tools: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
