import { PassThrough } from "node:stream";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { StdioDownstreamTransport } from "./stdio-downstream.js";

async function withTransport(chunks: (string | Buffer)[]) {
  const input = new PassThrough();
  const output = new PassThrough();
  const transport = new StdioDownstreamTransport(input, output);
  const received: JSONRPCMessage[] = [];
  transport.onmessage = (message) => received.push(message);
  await transport.start();
  for (const chunk of chunks) input.write(chunk);
  await new Promise((resolve) => setImmediate(resolve));
  const written = String(output.read() ?? "")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  await transport.close();
  return { received, written };
}

describe("the gateway's stdio channel to its client", () => {
  it("reads messages split across chunks and several in one chunk", async () => {
    const ping = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" });
    const { received, written } = await withTransport([
      ping.slice(0, 10),
      `${ping.slice(10)}\n{"jsonrpc":"2.0","id":2,"method":"ping"}\r\n`,
      Buffer.from('{"jsonrpc":"2.0","method":"notifications/initialized"}\n'),
    ]);
    expect(received).toEqual([
      { jsonrpc: "2.0", id: 1, method: "ping" },
      { jsonrpc: "2.0", id: 2, method: "ping" },
      { jsonrpc: "2.0", method: "notifications/initialized" },
    ]);
    expect(written).toEqual([]);
  });

  it("answers a line that is not JSON with a parse error and one that is not JSON-RPC with invalid request", async () => {
    const { received, written } = await withTransport([
      '{"jsonrpc": "2.0", "id": 1,\n',
      '{"id": "a", "method": 5}\n',
      "\n",
    ]);
    expect(received).toEqual([]);
    expect(written).toEqual([
      { jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error: not JSON" } },
      { jsonrpc: "2.0", id: "a", error: { code: -32600, message: "Invalid Request: not a JSON-RPC 2.0 message" } },
    ]);
  });
});
