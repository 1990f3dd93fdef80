import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { ErrorCode, isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import type { Gateway } from "./gateway.js";
import { openGatewaySession } from "./gateway-session.js";

/** Most client sessions open at once; a further initialize is refused until one closes. */
export const MAX_HTTP_SESSIONS = 1024;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);
/** Largest request body a client may send. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

interface OpenSession {
  transport: StreamableHTTPServerTransport;
  server: Server;
}

export interface HttpListener {
  /** The MCP endpoint, e.g. http://127.0.0.1:8931/mcp. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the gateway over MCP Streamable HTTP: one session (its own transport and MCP server) per
 * client that initializes, found again by the Mcp-Session-Id header.
 */
export async function listenHttp(
  gateway: Gateway,
  options: { host: string; port: number; path: string },
): Promise<HttpListener> {
  const sessions = new Map<string, OpenSession>();
  /** On a loopback address, only requests naming it (not a web page's rebound domain) are served. */
  let allowedHosts: string[] | null = null;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://gateway");
    if (url.pathname !== options.path)
      return sendError(response, 404, ErrorCode.InvalidRequest, `Not found; the MCP endpoint is ${options.path}`);
    const sessionId = request.headers["mcp-session-id"];
    if (typeof sessionId === "string") {
      const open = sessions.get(sessionId);
      if (!open) return sendError(response, 404, ErrorCode.InvalidRequest, "Session not found; initialize a new one");
      return open.transport.handleRequest(request, response);
    }
    if (request.method !== "POST")
      return sendError(response, 400, ErrorCode.InvalidRequest, "Bad Request: no session; initialize first");
    const body = await readJsonBody(request, response);
    if (body === undefined) return;
    if (!isInitializeRequest(body))
      return sendError(response, 400, ErrorCode.InvalidRequest, "Bad Request: no session; initialize first");
    if (sessions.size >= MAX_HTTP_SESSIONS)
      return sendError(response, 503, ErrorCode.InternalError, "Too many open sessions");
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      ...(allowedHosts ? { enableDnsRebindingProtection: true, allowedHosts } : {}),
      onsessioninitialized: (id) => {
        sessions.set(id, { transport, server });
      },
    });
    const server = openGatewaySession(gateway, randomUUID());
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    await transport.handleRequest(request, response, body);
  }

  const http = createServer((request, response) => {
    handle(request, response).catch((error) => {
      gateway.log.warn(`HTTP request failed (${error instanceof Error ? error.message : String(error)})`);
      if (!response.headersSent) sendError(response, 500, ErrorCode.InternalError, "Internal error");
      else response.end();
    });
  });
  http.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const address = http.address() as AddressInfo;
  if (LOOPBACK.has(options.host))
    allowedHosts = ["127.0.0.1", "localhost", "[::1]"].map((name) => `${name}:${address.port}`);
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}${options.path}`,
    async close() {
      await Promise.all([...sessions.values()].map((open) => open.server.close().catch(() => undefined)));
      sessions.clear();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** The parsed body of a request without a session; a parse error is answered here and undefined returned. */
async function readJsonBody(request: IncomingMessage, response: ServerResponse): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      sendError(response, 413, ErrorCode.InvalidRequest, "Request body too large");
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    sendError(response, 400, ErrorCode.ParseError, "Parse error: Invalid JSON");
    return undefined;
  }
}

function sendError(response: ServerResponse, status: number, code: number, message: string): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }));
}
