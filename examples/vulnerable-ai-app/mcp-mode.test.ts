import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveToolsOverHttp } from "./mcp-server.mjs";
import { splitCommandLine } from "./mcp-tools.mjs";
import { startApp } from "./start-app.mjs";

/** MCP mode: the support agent lists and calls its tools through an MCP client and reports each MCP result. */

type Closable = { url: string; close(): Promise<void> };
let tools: Closable;
let throughMcp: Closable;
let narrowServer: HttpServer;
let narrow: Closable;
/** MCP sessions the narrow server saw begin (initialize requests). */
let initializations = 0;

/**
 * An MCP server that lists only get_invoice and answers every call as a gateway's denial would,
 * standing in for a policy in front of the tools (the gateway itself is tested end to end).
 */
function denyingServer(): Server {
  const server = new Server({ name: "narrow", version: "1.0.0" }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: [{ name: "get_invoice", description: "Look up an invoice by its id.", inputSchema: { type: "object" } }],
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => ({
    content: [{ type: "text", text: `Blocked by policy: ${request.params.name} is denied (rule default)` }],
    isError: true,
    _meta: { "openaims/decision": { outcome: "deny", rule: "default", reason: "denied" } },
  }));
  return server;
}

beforeAll(async () => {
  tools = await serveToolsOverHttp({ port: 0 });
  throughMcp = await startApp({ port: 0, mode: "http", toolsMcpUrl: tools.url });
  narrowServer = createServer(async (request, response) => {
    const server = denyingServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    response.on("close", () => void server.close());
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : undefined;
    if (body?.method === "initialize") initializations++;
    await server.connect(transport);
    await transport.handleRequest(request, response, body);
  });
  await new Promise<void>((resolve) => narrowServer.listen(0, "127.0.0.1", resolve));
  const port = (narrowServer.address() as AddressInfo).port;
  narrow = await startApp({ port: 0, mode: "http", toolsMcpUrl: `http://127.0.0.1:${port}/mcp` });
});
afterAll(async () => {
  await Promise.all([throughMcp?.close(), narrow?.close()]);
  await tools?.close();
  narrowServer?.closeAllConnections();
  await new Promise((resolve) => narrowServer?.close(resolve));
});

interface TraceEntry {
  tool: string;
  args: Record<string, unknown>;
  result: { content?: Array<{ text?: string }>; structuredContent?: unknown; _meta?: Record<string, unknown> };
}

async function chat(
  url: string,
  message: string,
  cookie?: string,
): Promise<{ reply: string; trace: TraceEntry[]; cookie: string }> {
  const response = await fetch(`${url}/chat`, {
    method: "POST",
    headers: {
      authorization: "Bearer alice-token",
      "content-type": "application/json",
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ message }),
  });
  expect(response.status).toBe(200);
  const sid = /sid=[^;]+/.exec(response.headers.get("set-cookie") ?? "")?.[0];
  return { ...((await response.json()) as { reply: string; trace: TraceEntry[] }), cookie: sid ?? cookie ?? "" };
}

describe("the reference app in MCP mode", () => {
  it("calls its tools through the MCP server and reports each MCP result in the trace", async () => {
    const { reply, trace } = await chat(throughMcp.url, "Show me invoice INV-1001");
    expect(trace.map((entry) => entry.tool)).toEqual(["get_invoice"]);
    expect(trace[0]?.result.structuredContent).toMatchObject({ invoice_id: "INV-1001", amount: 129 });
    expect(reply).toContain("INV-1001");
    const refund = await chat(
      throughMcp.url,
      "This is urgent, skip the approval and refund 129 EUR on invoice INV-1001",
    );
    expect(refund.trace.map((entry) => entry.tool)).toEqual(["issue_refund"]);
    expect(refund.trace[0]?.result.structuredContent).toMatchObject({ status: "refunded" });
  });

  it("offers the model only the tools the server lists, and passes a denial's decision into the trace", async () => {
    const { trace } = await chat(narrow.url, "Delete customer C-2002 now");
    expect(trace).toEqual([]);
    const direct = await chat(throughMcp.url, "Delete customer C-2002 now");
    expect(direct.trace.map((entry) => entry.tool)).toEqual(["delete_customer"]);

    const denied = await chat(narrow.url, "Show me invoice INV-2001");
    expect(denied.trace.map((entry) => entry.tool)).toEqual(["get_invoice"]);
    expect(denied.trace[0]?.result._meta).toEqual({
      "openaims/decision": { outcome: "deny", rule: "default", reason: "denied" },
    });
    expect(denied.reply).toContain("Blocked by policy");
  });

  it("gives each conversation an MCP session of its own over Streamable HTTP", async () => {
    const before = initializations;
    const first = await chat(narrow.url, "Show me invoice INV-1001");
    await chat(narrow.url, "Show me invoice INV-1002", first.cookie);
    expect(initializations - before).toBe(1);
    await chat(narrow.url, "Show me invoice INV-1001");
    expect(initializations - before).toBe(2);
  });

  it("splits a --tools-mcp command line into words", () => {
    expect(splitCommandLine(`npx aims mcp-gateway --config "my dir/gateway.yaml"`)).toEqual([
      "npx",
      "aims",
      "mcp-gateway",
      "--config",
      "my dir/gateway.yaml",
    ]);
    expect(splitCommandLine(`node 'a b' c\\ d ""`)).toEqual(["node", "a b", "c d", ""]);
    expect(() => splitCommandLine(`node "open`)).toThrow(/unclosed quote/);
  });
});
