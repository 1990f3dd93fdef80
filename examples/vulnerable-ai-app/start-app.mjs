// @ts-check
/**
 * Starts the reference app: one HTTP server with the OpenAI-compatible API, the support-agent
 * `/chat` endpoint, or both. Hardened mode adds an input size limit and per-client rate limiting
 * on top of the hardened model. `GET /__stats` tells how many chat requests were answered and the
 * milliseconds spent serving them, measured here, so a benchmark can tell the target's time from its
 * client's overhead.
 */
import { createServer } from "node:http";
import { HARD_BODY_LIMIT, readBody, sendError, sendJson } from "./http-util.mjs";
import { chatCompletion, listModels } from "./openai-api.mjs";
import { createRateLimiter } from "./rate-limiter.mjs";
import { createSupportAgent } from "./support-agent.mjs";

/** Hardened mode refuses request bodies larger than this with 413. */
export const HARDENED_BODY_LIMIT = 32 * 1024;
/** Hardened mode lets each client send this many requests at once, refilled at this many per second. */
export const DEFAULT_RATE_LIMIT = 10;

/**
 * @typedef {object} AppOptions
 * @property {number} [port] 0 (the default) picks a free port
 * @property {string} [host] default 127.0.0.1
 * @property {boolean} [hardened]
 * @property {"openai" | "http" | "both"} [mode] default both
 * @property {number} [rateLimit] hardened only: requests per second per client (burst of the same size); 0 turns it off
 * @property {number} [latencyMs] wait this long before each chat answer, as a real model would (default 0)
 * @property {string} [toolsMcp] MCP mode: the support agent calls its tools through the MCP server this command line starts (stdio)
 * @property {string} [toolsMcpUrl] MCP mode: the same through the MCP server at this Streamable HTTP address
 */

/**
 * @param {AppOptions} [options]
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startApp(options = {}) {
  const {
    port = 0,
    host = "127.0.0.1",
    hardened = false,
    mode = "both",
    rateLimit = DEFAULT_RATE_LIMIT,
    latencyMs = 0,
    toolsMcp,
    toolsMcpUrl,
  } = options;
  const limiter = hardened && rateLimit > 0 ? createRateLimiter({ burst: rateLimit }) : null;
  // The MCP client (and its SDK) is loaded only in MCP mode; the default modes run on Node.js alone.
  const tools =
    toolsMcp || toolsMcpUrl
      ? await (await import("./mcp-tools.mjs")).connectMcpTools({ command: toolsMcp, url: toolsMcpUrl })
      : undefined;
  const agent = createSupportAgent({ hardened, ...(tools ? { tools } : {}) });
  const bodyLimit = hardened ? HARDENED_BODY_LIMIT : HARD_BODY_LIMIT;
  const openai = mode !== "http";
  const http = mode !== "openai";

  /** Chat requests answered and the time spent on them here, from arrival to the last byte sent. */
  const stats = { chatRequests: 0, serviceMs: 0 };

  const server = createServer(async (request, response) => {
    const arrived = performance.now();
    try {
      const path = (request.url ?? "/").split("?")[0];
      if (request.method === "GET" && path === "/__stats") return sendJson(response, 200, stats);
      if (request.method === "GET" && path === "/v1/models" && openai) return listModels(response);
      if (request.method === "GET" && (path === "/" || path === "/healthz"))
        return sendJson(response, 200, { app: "vulnerable-ai-app", hardened, openai, http, mcp: tools !== undefined });
      const chatPath = (path === "/v1/chat/completions" && openai) || (path === "/chat" && http);
      if (!chatPath) return sendError(response, 404, `no route for ${request.method} ${path}`, "not_found");
      response.once("finish", () => {
        stats.chatRequests += 1;
        stats.serviceMs += performance.now() - arrived;
      });
      if (request.method !== "POST") return sendError(response, 405, `use POST for ${path}`, "method_not_allowed");

      const client = String(request.headers["x-client-id"] ?? request.socket.remoteAddress ?? "unknown");
      if (limiter && !limiter.take(client))
        return sendError(response, 429, "too many requests: slow down and retry after a second", "rate_limited", {
          "retry-after": "1",
        });
      const { body, tooLarge } = await readBody(request, bodyLimit);
      if (tooLarge)
        return sendError(response, 413, `the request is larger than ${bodyLimit} bytes`, "request_too_large");
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch {
        return sendError(response, 400, "the body is not valid JSON", "invalid_json");
      }
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      if (path === "/v1/chat/completions") return chatCompletion(response, parsed, { hardened });
      const sid = /(?:^|;\s*)sid=([^;]+)/.exec(request.headers.cookie ?? "")?.[1];
      const result = await agent.chat({ authorization: request.headers.authorization, sid, body: parsed });
      const cookie = result.sid ? { "set-cookie": `sid=${result.sid}; Path=/; HttpOnly; SameSite=Lax` } : undefined;
      return sendJson(response, result.status, result.body, cookie);
    } catch (error) {
      if (!response.headersSent) sendError(response, 500, "the app failed to answer", "server_error");
      else response.destroy(error instanceof Error ? error : undefined);
    }
  });
  server.keepAliveTimeout = 30_000;

  try {
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve(undefined));
    });
  } catch (error) {
    await agent.close();
    throw error;
  }
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${actualPort}`,
    close: async () => {
      await new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      });
      await agent.close();
    },
  };
}
