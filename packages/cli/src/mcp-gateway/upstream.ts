import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import {
  type CallToolResult,
  CallToolResultSchema,
  ErrorCode,
  type GetPromptResult,
  McpError,
  type Prompt,
  type ReadResourceResult,
  type Resource,
  type ServerCapabilities,
  type Tool,
  ToolListChangedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";
import type { UpstreamConfig } from "./gateway-config.js";
import type { GatewayLog } from "./gateway-log.js";
import { isolatedAbortFetch } from "./isolated-abort-fetch.js";

/** How long one forwarded call may take before the gateway answers with an error. */
const CALL_TIMEOUT_MS = 120_000;
const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 5000;
/** Most pages of a list the gateway reads from one server. */
const MAX_PAGES = 100;

/**
 * One configured MCP server and the SDK client connected to it. A server that stops (a stdio child
 * that dies, an HTTP server that goes away) is reconnected with a growing pause; until then its
 * tools are still known but calls to them fail with an error result.
 */
export class Upstream {
  tools: Tool[] = [];
  resources: Resource[] = [];
  prompts: Prompt[] = [];
  capabilities: ServerCapabilities = {};
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Called after the tool list changed (a reconnect or the server's own notification). */
  onToolsChanged?: () => void;

  constructor(
    readonly config: UpstreamConfig,
    private readonly childEnv: Record<string, string>,
    private readonly log: GatewayLog,
  ) {}

  get name(): string {
    return this.config.name;
  }

  get connected(): boolean {
    return this.client !== null;
  }

  /** Connects and reads the server's lists; throws when the server cannot be reached. */
  connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private transport(): Transport {
    const config = this.config;
    if (config.kind === "stdio")
      return new StdioClientTransport({
        command: config.command,
        args: config.args,
        cwd: config.cwd,
        env: { ...this.childEnv, ...config.env },
        // The child's own messages go to the gateway's stderr; stdout is its MCP channel.
        stderr: "inherit",
      });
    return new StreamableHTTPClientTransport(new URL(config.url), {
      requestInit: { headers: config.headers },
      fetch: isolatedAbortFetch(),
    });
  }

  private async open(): Promise<void> {
    const client = new Client({ name: "openaims-mcp-gateway", version: "1.0.0" }, { capabilities: {} });
    const transport = this.transport();
    await client.connect(transport);
    this.capabilities = client.getServerCapabilities() ?? {};
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      void this.refreshTools(client).catch((error) =>
        this.log.warn(`${this.name}: cannot list tools (${message(error)})`),
      );
    });
    await this.refreshTools(client);
    this.resources = this.capabilities.resources
      ? await listAll((cursor) => client.listResources({ cursor }), "resources")
      : [];
    this.prompts = this.capabilities.prompts
      ? await listAll((cursor) => client.listPrompts({ cursor }), "prompts")
      : [];
    client.onclose = () => this.lost(client);
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    this.log.info(`${this.name}: connected, ${this.tools.length} tools`);
  }

  private async refreshTools(client: Client): Promise<void> {
    this.tools = this.capabilities.tools ? await listAll((cursor) => client.listTools({ cursor }), "tools") : [];
    this.onToolsChanged?.();
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    if (this.stopped) return;
    this.log.warn(`${this.name}: the server stopped answering; reconnecting`);
    this.scheduleReconnect();
  }

  /** Tries again later, doubling the pause up to a few seconds. */
  scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().catch((error) => {
        this.log.warn(`${this.name}: cannot connect (${message(error)}); trying again in ${this.retryMs} ms`);
        this.scheduleReconnect();
      });
    }, wait);
    this.retryTimer.unref();
  }

  private live(): Client {
    if (!this.client) {
      this.scheduleReconnect();
      throw new Error(`the MCP server '${this.name}' is not connected`);
    }
    return this.client;
  }

  /**
   * Runs one request on the live client. A failure that is not the server's own JSON-RPC error (the
   * connection broke, an HTTP server forgot the session) drops the client and reconnects.
   */
  private async request<T>(send: (client: Client) => Promise<T>): Promise<T> {
    const client = this.live();
    try {
      return await send(client);
    } catch (error) {
      // An answer that fails the SDK's schema (a ZodError, with issues) is the server's mistake, not the connection's.
      const invalidAnswer = typeof error === "object" && error !== null && "issues" in error;
      if (
        (!(error instanceof McpError) && !invalidAnswer) ||
        (error instanceof McpError && error.code === ErrorCode.ConnectionClosed)
      ) {
        this.lost(client);
        void client.close().catch(() => undefined);
      }
      throw error;
    }
  }

  /** Forwards a call; the answer is checked against the SDK's result schema (an invalid one throws). */
  async callTool(name: string, args: Record<string, unknown>, signal?: AbortSignal): Promise<CallToolResult> {
    const result = await this.request((client) =>
      client.callTool({ name, arguments: args }, CallToolResultSchema, { timeout: CALL_TIMEOUT_MS, signal }),
    );
    // The compatibility form ({ toolResult }) of old servers is not a CallToolResult: refuse it.
    if (!Array.isArray((result as { content?: unknown }).content))
      throw new Error("the server's answer is not a tool result");
    return result as CallToolResult;
  }

  readResource(uri: string, signal?: AbortSignal): Promise<ReadResourceResult> {
    return this.request((client) => client.readResource({ uri }, { timeout: CALL_TIMEOUT_MS, signal }));
  }

  getPrompt(name: string, args: Record<string, string> | undefined, signal?: AbortSignal): Promise<GetPromptResult> {
    const params = { name, ...(args ? { arguments: args } : {}) };
    return this.request((client) => client.getPrompt(params, { timeout: CALL_TIMEOUT_MS, signal }));
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.close().catch(() => undefined);
  }
}

async function listAll<T, K extends string>(
  page: (cursor: string | undefined) => Promise<{ nextCursor?: string } & Record<K, T[]>>,
  key: K,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const result = await page(cursor);
    all.push(...result[key]);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return all;
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
