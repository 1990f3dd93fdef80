import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type ElicitRequest, ElicitRequestSchema, type ElicitResult } from "@modelcontextprotocol/sdk/types.js";
import { isolatedAbortFetch } from "../mcp-gateway/isolated-abort-fetch.js";

const main = fileURLToPath(new URL("../main.ts", import.meta.url));

/** The example's folder: its gateway.yaml and support-tools.js. */
export const exampleFolder = fileURLToPath(new URL("../../../../examples/mcp-gateway/", import.meta.url));

/** The command line that runs `aims mcp-gateway` from source. */
export function gatewayCommand(config: string, verbose = true): { command: string; args: string[] } {
  return {
    command: process.execPath,
    args: ["--import", "tsx", main, "mcp-gateway", "--config", config, ...(verbose ? ["--verbose"] : [])],
  };
}

/** The environment a gateway process runs with: this one's, minus a database URL, plus `extra`. */
function gatewayEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && key !== "DATABASE_URL") env[key] = value;
  return { ...env, ...extra };
}

export interface ClientOptions {
  /** Answers the gateway's approval forms; without it the client does not declare elicitation. */
  onElicit?: (request: ElicitRequest["params"]) => ElicitResult | Promise<ElicitResult>;
}

function newClient(options: ClientOptions): Client {
  const client = new Client(
    { name: "gateway-test-client", version: "1.0.0" },
    { capabilities: options.onElicit ? { elicitation: { form: {} } } : {} },
  );
  const onElicit = options.onElicit;
  if (onElicit) client.setRequestHandler(ElicitRequestSchema, (request) => onElicit(request.params));
  return client;
}

export interface StdioGateway {
  client: Client;
  /** What the gateway printed on stderr so far. */
  stderr(): string;
  close(): Promise<void>;
}

/** Starts the gateway as a stdio MCP server (a child process, as an MCP client would) and connects the SDK's client. */
export async function startStdioGateway(
  config: string,
  env: Record<string, string> = {},
  options: ClientOptions = {},
): Promise<StdioGateway> {
  const transport = new StdioClientTransport({ ...gatewayCommand(config), env: gatewayEnv(env), stderr: "pipe" });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const client = newClient(options);
  try {
    await client.connect(transport);
  } catch (error) {
    throw new Error(`the gateway did not start: ${String(error)}\n${stderr}`);
  }
  return { client, stderr: () => stderr, close: () => client.close() };
}

export interface HttpGateway {
  url: string;
  process: ChildProcess;
  stderr(): string;
  /** A new client session over Streamable HTTP. */
  connect(options?: ClientOptions): Promise<Client>;
  close(): Promise<void>;
}

/** Starts the gateway listening on Streamable HTTP (the config must say `listen: { http: … }`) and waits for its address. */
export async function startHttpGateway(config: string, env: Record<string, string> = {}): Promise<HttpGateway> {
  const { command, args } = gatewayCommand(config);
  const child = spawn(command, args, { env: gatewayEnv(env), stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(stderr);
      if (found?.[1]) resolve(found[1]);
    });
    child.once("exit", (code) => reject(new Error(`the gateway exited ${code}:\n${stderr}`)));
  });
  const clients: Client[] = [];
  return {
    url,
    process: child,
    stderr: () => stderr,
    async connect(options = {}) {
      const client = newClient(options);
      await client.connect(new StreamableHTTPClientTransport(new URL(url), { fetch: isolatedAbortFetch() }));
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** The calls support-tools.js received, from its SUPPORT_TOOLS_LOG file. */
export async function receivedCalls(logPath: string): Promise<{ tool: string; arguments: Record<string, unknown> }[]> {
  try {
    const text = await readFile(logPath, "utf8");
    return text
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  } catch {
    return [];
  }
}
