/**
 * The MCP gateway's cost: a local MCP server with one trivial tool, called directly and through
 * `aims mcp-gateway` (stdio and Streamable HTTP), one caller at a time for the added latency per
 * tools/call (p50, p99; target p99 < 2 ms), then 32 concurrent sessions over HTTP for calls/s.
 *
 * Alone: `node --import tsx bench/mcp-gateway.ts` (AIMS_BENCH_GATEWAY_CALLS, default 5,000 calls per
 * series; AIMS_BENCH_SECONDS for the concurrent run, default 10). Uses the built CLI
 * (packages/cli/dist/aims.js) when it has the gateway, else the source through tsx.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { isolatedAbortFetch } from "../packages/cli/src/mcp-gateway/isolated-abort-fetch.js";

/** A Streamable HTTP client transport whose requests each get their own abort signal, as the gateway's do. */
const httpTransport = (url: string) => new StreamableHTTPClientTransport(new URL(url), { fetch: isolatedAbortFetch() });

export interface LatencySeries {
  p50Ms: number;
  p99Ms: number;
}

export interface GatewayBenchResult {
  calls: number;
  stdio: { direct: LatencySeries; gateway: LatencySeries; addedP50Ms: number; addedP99Ms: number };
  http: { direct: LatencySeries; gateway: LatencySeries; addedP50Ms: number; addedP99Ms: number };
  concurrent: { sessions: number; seconds: number; directCallsPerSecond: number; gatewayCallsPerSecond: number };
}

const repo = fileURLToPath(new URL("..", import.meta.url));
const echoServer = join(repo, "bench/mcp-echo-server.ts");
const builtCli = join(repo, "packages/cli/dist/aims.js");

function aimsCommand(): string[] {
  if (existsSync(builtCli) && readFileSync(builtCli, "utf8").includes("mcp-gateway")) return [builtCli];
  return ["--import", "tsx", join(repo, "packages/cli/src/main.ts")];
}

const echoCommand = ["--import", "tsx", echoServer];

/** Starts a child that prints `listening on <url>` on stderr and answers the URL. */
async function startListening(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, { cwd: repo, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(stderr);
      if (found?.[1]) resolve(found[1]);
    });
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  return { url, child };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

function newClient(): Client {
  return new Client({ name: "bench", version: "1.0.0" }, { capabilities: {} });
}

/** One caller, `calls` calls in a row after a warm-up; latencies in ms. */
async function measure(client: Client, calls: number): Promise<LatencySeries> {
  for (let i = 0; i < Math.min(500, calls); i++) await client.callTool({ name: "echo", arguments: { text: "warm" } });
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await client.callTool({ name: "echo", arguments: { text: `call ${i}` } });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: round(percentile(times, 0.5)), p99Ms: round(percentile(times, 0.99)) };
}

/** `sessions` clients calling as fast as they can for `seconds`; calls per second over all. */
async function throughput(url: string, sessions: number, seconds: number): Promise<number> {
  const clients = await Promise.all(
    Array.from({ length: sessions }, async () => {
      const client = newClient();
      await client.connect(httpTransport(url));
      return client;
    }),
  );
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        await client.callTool({ name: "echo", arguments: { text: "load" } });
        done += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(clients.map((client) => client.close()));
  return Math.round(done / elapsed);
}

export async function benchMcpGateway(calls: number, seconds: number, sessions = 32): Promise<GatewayBenchResult> {
  const dir = await mkdtemp(join(tmpdir(), "aims-bench-gateway-"));
  const aims = aimsCommand();
  const policy = "policy:\n  default: deny\n  tools:\n    echo: allow\n";
  const children: ChildProcess[] = [];
  try {
    // stdio: the client starts the echo server, or the gateway that starts it.
    const direct = newClient();
    await direct.connect(new StdioClientTransport({ command: process.execPath, args: echoCommand, cwd: repo }));
    const stdioDirect = await measure(direct, calls);
    await direct.close();
    await writeFile(
      join(dir, "stdio.yaml"),
      `servers:\n  echo: { command: ${JSON.stringify(process.execPath)}, args: ${JSON.stringify(echoCommand)}, cwd: ${JSON.stringify(repo)} }\n${policy}`,
    );
    const viaStdio = newClient();
    await viaStdio.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [...aims, "mcp-gateway", "--config", join(dir, "stdio.yaml")],
        cwd: repo,
      }),
    );
    const stdioGateway = await measure(viaStdio, calls);
    await viaStdio.close();

    // Streamable HTTP on both sides.
    const echo = await startListening([...echoCommand, "--http"]);
    children.push(echo.child);
    await writeFile(
      join(dir, "http.yaml"),
      `servers:\n  echo: { url: ${JSON.stringify(echo.url)} }\nlisten: { http: { port: 0 } }\n${policy}`,
    );
    const gateway = await startListening([...aims, "mcp-gateway", "--config", join(dir, "http.yaml")]);
    children.push(gateway.child);
    const httpDirectClient = newClient();
    await httpDirectClient.connect(httpTransport(echo.url));
    const httpDirect = await measure(httpDirectClient, calls);
    await httpDirectClient.close();
    const httpGatewayClient = newClient();
    await httpGatewayClient.connect(httpTransport(gateway.url));
    const httpGateway = await measure(httpGatewayClient, calls);
    await httpGatewayClient.close();

    const directCallsPerSecond = await throughput(echo.url, sessions, seconds);
    const gatewayCallsPerSecond = await throughput(gateway.url, sessions, seconds);
    return {
      calls,
      stdio: added(stdioDirect, stdioGateway),
      http: added(httpDirect, httpGateway),
      concurrent: { sessions, seconds, directCallsPerSecond, gatewayCallsPerSecond },
    };
  } finally {
    await Promise.all(children.map(stop));
    await rm(dir, { recursive: true, force: true });
  }
}

function added(direct: LatencySeries, gateway: LatencySeries) {
  return {
    direct,
    gateway,
    addedP50Ms: round(gateway.p50Ms - direct.p50Ms),
    addedP99Ms: round(gateway.p99Ms - direct.p99Ms),
  };
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

export function formatMcpGatewayTable(result: GatewayBenchResult): string {
  const row = (name: string, series: GatewayBenchResult["stdio"]) =>
    `| ${name} | ${series.direct.p50Ms} / ${series.direct.p99Ms} | ${series.gateway.p50Ms} / ${series.gateway.p99Ms} | ${series.addedP50Ms} / ${series.addedP99Ms} |`;
  const { concurrent } = result;
  return [
    `MCP gateway: tools/call of a trivial tool, ${result.calls} calls per series, one caller (ms, p50 / p99)`,
    "| transport | direct | through the gateway | added (target p99 < 2) |",
    "|---|---|---|---|",
    row("stdio", result.stdio),
    row("Streamable HTTP", result.http),
    "",
    `${concurrent.sessions} concurrent sessions over Streamable HTTP for ${concurrent.seconds} s: ${concurrent.directCallsPerSecond} calls/s direct, ${concurrent.gatewayCallsPerSecond} calls/s through the gateway`,
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const calls = Number(process.env.AIMS_BENCH_GATEWAY_CALLS ?? 5000);
  const seconds = Number(process.env.AIMS_BENCH_SECONDS ?? 10);
  const result = await benchMcpGateway(calls, seconds);
  process.stdout.write(`${formatMcpGatewayTable(result)}\n`);
}
