import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { type CallToolResult, EmptyResultSchema, ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exampleFolder,
  gatewayCommand,
  type HttpGateway,
  receivedCalls,
  startHttpGateway,
  startStdioGateway,
} from "./testing/mcp-gateway-process.js";

const supportTools = JSON.stringify(join(exampleFolder, "support-tools.js"));

/** A stdio MCP server, written without the SDK, whose tools/call answer is not a tool result. */
const brokenServer = `
import { createInterface } from "node:readline";
const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\\n");
createInterface({ input: process.stdin }).on("line", (line) => {
  const request = JSON.parse(line);
  if (request.id === undefined) return;
  if (request.method === "initialize")
    send({ id: request.id, result: { protocolVersion: request.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: "broken", version: "1" } } });
  else if (request.method === "tools/list")
    send({ id: request.id, result: { tools: [{ name: "lookup_order", inputSchema: { type: "object" } }] } });
  else send({ id: request.id, result: { content: "<script>not a list of content</script>" } });
});
`;

/** A stdio MCP server, written without the SDK, offering two resources and a prompt. */
const resourceServer = `
import { appendFileSync } from "node:fs";
import { createInterface } from "node:readline";
const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\\n");
createInterface({ input: process.stdin }).on("line", (line) => {
  const request = JSON.parse(line);
  if (request.id === undefined) return;
  if (request.method !== "initialize") appendFileSync(process.env.SUPPORT_TOOLS_LOG, request.method + " " + JSON.stringify(request.params ?? {}) + "\\n");
  if (request.method === "initialize")
    send({ id: request.id, result: { protocolVersion: request.params.protocolVersion, capabilities: { resources: {}, prompts: {} }, serverInfo: { name: "files", version: "1" } } });
  else if (request.method === "resources/list")
    send({ id: request.id, result: { resources: [{ uri: "customer://C-17", name: "C-17" }, { uri: "secrets://keys", name: "keys" }] } });
  else if (request.method === "resources/read")
    send({ id: request.id, result: { contents: [{ uri: request.params.uri, text: "contents of " + request.params.uri }] } });
  else if (request.method === "prompts/list") send({ id: request.id, result: { prompts: [{ name: "greet" }] } });
  else if (request.method === "prompts/get")
    send({ id: request.id, result: { messages: [{ role: "user", content: { type: "text", text: "Hello" } }] } });
  else send({ id: request.id, error: { code: -32601, message: "Method not found" } });
});
`;

/** The gateway over Streamable HTTP on both sides, and what it refuses to pass on. */
describe("aims mcp-gateway transports and refusals", () => {
  let dir: string;
  let log: string;
  let front: HttpGateway;
  let back: HttpGateway;
  let backPort: number;
  let client: Client;
  const approvals: string[] = [];

  const backConfig = (port: number) =>
    `servers:\n  support: { command: node, args: [${supportTools}] }\nlisten: { http: { port: ${port} } }\npolicy: { default: allow }\n`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "aims-mcp-gateway-http-"));
    log = join(dir, "calls.jsonl");
    await writeFile(join(dir, "back.yaml"), backConfig(0));
    back = await startHttpGateway(join(dir, "back.yaml"), { SUPPORT_TOOLS_LOG: log });
    backPort = Number(new URL(back.url).port);
    // The example's policy, with fetch_url allowed so that its flow rule can come into play.
    await writeFile(
      join(dir, "front.yaml"),
      [
        "servers:",
        `  support: { url: ${JSON.stringify(back.url)} }`,
        "listen: { http: { port: 0 } }",
        "policy:",
        "  default: deny",
        "  tools:",
        "    lookup_order: allow",
        "    fetch_url: allow",
        "    send_email: allow",
        "    delete_customer: deny",
        "  flows:",
        "    - after: [fetch_url]",
        "      require_approval: [send_email]",
        "",
      ].join("\n"),
    );
    front = await startHttpGateway(join(dir, "front.yaml"));
    client = await front.connect({
      onElicit: (form) => {
        approvals.push(form.message);
        return { action: "accept", content: { approve: true } };
      },
    });
  });
  afterAll(async () => {
    await front?.close();
    await back?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const call = async (name: string, args: Record<string, unknown>) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;

  it("sends send_email without asking, but asks once fetch_url has run in the session", async () => {
    expect((await call("send_email", { to: "c17@example.com" })).isError).toBeFalsy();
    expect(approvals).toEqual([]);
    expect((await call("fetch_url", { url: "https://example.com/a" })).isError).toBeFalsy();
    const after = await call("send_email", { to: "attacker@example.com" });
    expect(after.isError).toBeFalsy();
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toContain("flows[0]");
    expect((await receivedCalls(log)).map((received) => received.tool)).toEqual([
      "send_email",
      "fetch_url",
      "send_email",
    ]);
  });

  it("keeps sessions apart: another client's session has not read anything", async () => {
    const other = await front.connect({});
    const sent = (await other.callTool({ name: "send_email", arguments: { to: "c23@example.com" } })) as CallToolResult;
    expect(sent.isError).toBeFalsy();
    const tools = (await other.listTools()).tools.map((tool) => tool.name).sort();
    expect(tools).toEqual(["fetch_url", "lookup_order", "send_email"]);
  });

  it("answers an unknown method with method-not-found and malformed JSON with a parse error", async () => {
    const unknown = client.request({ method: "tools/destroy", params: {} }, EmptyResultSchema);
    await expect(unknown).rejects.toSatisfy(
      (error) => error instanceof McpError && error.code === ErrorCode.MethodNotFound,
    );
    const response = await fetch(front.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: '{"jsonrpc": "2.0", "id": 1, "method": "initialize", ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: ErrorCode.ParseError } });
  });

  it("answers with an error result while its server is away, and reconnects when it is back", async () => {
    const before = (await receivedCalls(log)).length;
    await back.close();
    const away = await call("lookup_order", { order: "A-1001" });
    expect(away.isError).toBe(true);
    expect(away.content[0]).toMatchObject({ type: "text", text: expect.stringContaining("lookup_order failed") });
    await writeFile(join(dir, "back.yaml"), backConfig(backPort));
    back = await startHttpGateway(join(dir, "back.yaml"), { SUPPORT_TOOLS_LOG: log });
    let result = away;
    for (let tries = 0; result.isError && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      result = await call("lookup_order", { order: "A-1001" });
    }
    expect(result.isError).toBeFalsy();
    expect((await receivedCalls(log)).slice(before).map((received) => received.tool)).toEqual(["lookup_order"]);
  });

  it("turns a server answer that is not a tool result into an error result", async () => {
    await writeFile(join(dir, "broken-server.mjs"), brokenServer);
    await writeFile(
      join(dir, "broken.yaml"),
      "servers:\n  broken: { command: node, args: [broken-server.mjs] }\npolicy: { default: allow }\n",
    );
    const gateway = await startStdioGateway(join(dir, "broken.yaml"));
    try {
      const result = (await gateway.client.callTool({ name: "lookup_order", arguments: {} })) as CallToolResult;
      expect(result.isError).toBe(true);
      expect(JSON.stringify(result)).not.toContain("<script>");
    } finally {
      await gateway.close();
    }
  });

  it("decides resources/read by the policy's resources section, and leaves prompts alone when it has none", async () => {
    const resourceLog = join(dir, "resource-calls.log");
    await writeFile(join(dir, "resource-server.mjs"), resourceServer);
    await writeFile(
      join(dir, "resources.yaml"),
      'servers:\n  files: { command: node, args: [resource-server.mjs] }\npolicy:\n  default: deny\n  resources:\n    "customer://*": allow\n',
    );
    const gateway = await startStdioGateway(join(dir, "resources.yaml"), { SUPPORT_TOOLS_LOG: resourceLog });
    try {
      const read = await gateway.client.readResource({ uri: "customer://C-17" });
      expect(read.contents[0]).toMatchObject({ text: "contents of customer://C-17" });
      const refused = gateway.client.readResource({ uri: "secrets://keys" });
      await expect(refused).rejects.toSatisfy(
        (error) =>
          error instanceof McpError &&
          error.message.includes("Blocked by policy") &&
          (error.data as Record<string, { rule: string }>)["openaims/decision"]?.rule === "default",
      );
      const prompt = await gateway.client.getPrompt({ name: "greet" });
      expect(prompt.messages).toHaveLength(1);
      const received = (await readFile(resourceLog, "utf8")).trim().split("\n");
      expect(received.filter((line) => line.startsWith("resources/read"))).toEqual([
        'resources/read {"uri":"customer://C-17"}',
      ]);
    } finally {
      await gateway.close();
    }
  });

  it("refuses to start when two servers offer the same tool name, naming both", async () => {
    await writeFile(
      join(dir, "twice.yaml"),
      `servers:\n  first: { command: node, args: [${supportTools}] }\n  second: { command: node, args: [${supportTools}] }\npolicy: { default: allow }\n`,
    );
    const { command, args } = gatewayCommand(join(dir, "twice.yaml"), false);
    const child = spawn(command, args, { stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/servers first and second both offer the tool \w+; give one of them a prefix/);
  });

  it("over stdio, refuses lines that are not JSON or not JSON-RPC, and unknown methods, without reaching the server", async () => {
    const stdioLog = join(dir, "stdio-calls.jsonl");
    const { command, args } = gatewayCommand(join(exampleFolder, "gateway.yaml"), false);
    const child = spawn(command, args, {
      env: { ...process.env, SUPPORT_TOOLS_LOG: stdioLog },
      stdio: ["pipe", "pipe", "ignore"],
    });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = async () => JSON.parse(String((await lines.next()).value));
    try {
      child.stdin.write("this is not json\n");
      expect(await next()).toEqual({
        jsonrpc: "2.0",
        id: null,
        error: { code: ErrorCode.ParseError, message: "Parse error: not JSON" },
      });
      child.stdin.write('{"id": 3, "hello": "there"}\n');
      expect(await next()).toMatchObject({ id: 3, error: { code: ErrorCode.InvalidRequest } });
      child.stdin.write(
        `${JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } })}\n`,
      );
      expect(await next()).toMatchObject({ id: 1, result: { serverInfo: { name: "openaims-mcp-gateway" } } });
      child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })}\n`);
      child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/destroy", params: {} })}\n`);
      expect(await next()).toMatchObject({ id: 2, error: { code: ErrorCode.MethodNotFound } });
      child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id: 4, method: "tools/call", params: { name: 42 } })}\n`);
      expect(await next()).toMatchObject({ id: 4, error: { message: expect.stringContaining("Invalid") } });
      expect(await receivedCalls(stdioLog)).toEqual([]);
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.stdin.end();
      await exited;
    }
  });
});
