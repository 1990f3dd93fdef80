// @ts-check
/**
 * The support agent's tools reached through MCP (`--tools-mcp` / `--tools-mcp-url`) instead of in
 * process: a client of an MCP server, which may be the OpenAIMS gateway in front of mcp-server.mjs.
 * The SDK is imported only here, and only in this mode, so the default modes need no install.
 *
 * The tools offered to the "model" are those tools/list returns (a tool the gateway hides is not
 * offered). Each call's MCP result, the gateway's `_meta["openaims/decision"]` included, is what
 * the agent's trace reports, so a scan sees which calls a policy blocked.
 */

/** The `_meta` key under which the app names the customer a call is made for. */
export const CUSTOMER_META_KEY = "openaims/customer";
/**
 * @typedef {import("./conversation.mjs").ToolSpec} ToolSpec
 * @typedef {import("./conversation.mjs").ToolCall} ToolCall
 * @typedef {import("./support-data.mjs").Customer} Customer
 * @typedef {{ forModel: unknown, forTrace: unknown }} ToolOutcome
 * @typedef {{ list(): Promise<ToolSpec[]>, call(call: ToolCall, customer: Customer, conversation?: string): Promise<ToolOutcome>, close(): Promise<void> }} ToolRunner
 */

/** How long the agent waits for one tool call (an approval the gateway asks for may take this long). */
const CALL_TIMEOUT_MS = 60_000;
/** Conversations that keep an MCP session of their own at once (Streamable HTTP); the oldest is closed first. */
const MAX_CONVERSATION_SESSIONS = 200;

/**
 * Splits a command line into words: spaces separate, single or double quotes group, backslash escapes.
 * @param {string} line
 * @returns {string[]}
 */
export function splitCommandLine(line) {
  /** @type {string[]} */
  const words = [];
  let word = "";
  let quote = "";
  let started = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index] ?? "";
    if (quote) {
      if (char === quote) quote = "";
      else if (char === "\\" && quote === '"' && index + 1 < line.length) word += line[++index];
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      started = true;
    } else if (char === "\\" && index + 1 < line.length) {
      word += line[++index];
      started = true;
    } else if (/\s/.test(char)) {
      if (started) words.push(word);
      word = "";
      started = false;
    } else {
      word += char;
      started = true;
    }
  }
  if (quote) throw new Error("the command line has an unclosed quote");
  if (started) words.push(word);
  return words;
}

/**
 * Connects to the MCP server: a command line started over stdio, or a Streamable HTTP address.
 * Over stdio the app has one connection, so the server (a gateway) sees one session for every
 * conversation; over Streamable HTTP each conversation gets an MCP session of its own, so a gateway's
 * flow rules follow one conversation's history, as they would for a production agent.
 * @param {{ command?: string, url?: string }} target
 * @returns {Promise<ToolRunner>}
 */
export async function connectMcpTools(target) {
  const { Client } = await import("@modelcontextprotocol/sdk/client/index.js");
  /** @returns {Promise<import("@modelcontextprotocol/sdk/client/index.js").Client>} */
  const connect = async () => {
    const client = new Client({ name: "vulnerable-ai-app", version: "1.0.0" });
    await client.connect(await newTransport(target));
    return client;
  };
  const shared = await connect();
  /** @type {Map<string, Promise<import("@modelcontextprotocol/sdk/client/index.js").Client>>} */
  const conversations = new Map();
  /** @param {string | undefined} conversation */
  const clientFor = (conversation) => {
    if (!target.url || conversation === undefined) return Promise.resolve(shared);
    let client = conversations.get(conversation);
    if (!client) {
      client = connect();
      conversations.set(conversation, client);
      if (conversations.size > MAX_CONVERSATION_SESSIONS) {
        const [oldest, closing] = conversations.entries().next().value ?? [];
        if (oldest !== undefined) conversations.delete(oldest);
        void closing?.then((old) => old.close()).catch(() => undefined);
      }
    }
    return client;
  };

  return {
    async list() {
      const { tools } = await shared.listTools();
      return tools.map((tool) => ({
        name: tool.name,
        ...(tool.description ? { description: tool.description } : {}),
        parameters: /** @type {Record<string, unknown>} */ (tool.inputSchema),
      }));
    },
    async call(call, customer, conversation) {
      /** @type {Record<string, unknown>} */
      let result;
      try {
        const client = await clientFor(conversation);
        result = await client.callTool(
          { name: call.name, arguments: call.arguments, _meta: { [CUSTOMER_META_KEY]: customer.id } },
          undefined,
          { timeout: CALL_TIMEOUT_MS },
        );
      } catch (error) {
        // A protocol error (an unknown tool, a refused request) is a failed call; its data keeps any decision.
        const data = /** @type {{ data?: unknown }} */ (error)?.data;
        result = {
          content: [{ type: "text", text: error instanceof Error ? error.message : String(error) }],
          isError: true,
          ...(data && typeof data === "object" ? { _meta: data } : {}),
        };
      }
      return { forModel: modelView(result), forTrace: result };
    },
    async close() {
      const clients = await Promise.allSettled([...conversations.values()]);
      conversations.clear();
      await Promise.allSettled([
        shared.close(),
        ...clients.map((settled) => (settled.status === "fulfilled" ? settled.value.close() : undefined)),
      ]);
    },
  };
}

/**
 * @param {{ command?: string, url?: string }} target
 * @returns {Promise<import("@modelcontextprotocol/sdk/shared/transport.js").Transport>}
 */
async function newTransport(target) {
  if (target.url) {
    const { StreamableHTTPClientTransport } = await import("@modelcontextprotocol/sdk/client/streamableHttp.js");
    return new StreamableHTTPClientTransport(new URL(target.url));
  }
  const [command, ...args] = splitCommandLine(target.command ?? "");
  if (!command) throw new Error("--tools-mcp needs a command line");
  const { StdioClientTransport, getDefaultEnvironment } = await import("@modelcontextprotocol/sdk/client/stdio.js");
  return new StdioClientTransport({
    command,
    args,
    env: { ...getDefaultEnvironment(), ...definedEnv() },
    stderr: "inherit",
  });
}

/**
 * What the "model" reads of a result: the structured content, else the text (as JSON when it is).
 * @param {Record<string, unknown>} result
 */
function modelView(result) {
  if (result.structuredContent !== undefined) return result.structuredContent;
  const content = Array.isArray(result.content) ? result.content : [];
  const text = content
    .map((item) => (item && typeof item === "object" && typeof item.text === "string" ? item.text : ""))
    .join("\n");
  try {
    return JSON.parse(text);
  } catch {
    return result.isError ? { error: text } : text;
  }
}

/** The app's environment without unset entries, for the server it starts. */
function definedEnv() {
  /** @type {Record<string, string>} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return env;
}
