import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const bundle = fileURLToPath(new URL("../packages/cli/dist/aims.js", import.meta.url));

export interface RunningServerProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the built `aims serve` (or the `aims` that `command` names) in its own process on 127.0.0.1
 * and a free port, so the server and the load generator do not share an event loop.
 */
export async function startServerProcess(
  dataDir: string,
  databaseUrl: string | undefined,
  command: string[] = [bundle],
): Promise<RunningServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, AIMS_LOG_LEVEL: "warn", DATABASE_URL: databaseUrl ?? "" };
  // A server on PostgreSQL needs the secret key shared by every process on that database; the bench's is fresh.
  if (databaseUrl && !env.AIMS_SECRET_KEY) env.AIMS_SECRET_KEY = randomBytes(32).toString("base64");
  const child = spawn(
    process.execPath,
    [...command, "serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", dataDir],
    {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with code ${code}:\n${output}`));
    });
  });
  return { url, stop: () => stopProcess(child) };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface RouteLoad {
  path: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Responses other than 2xx, and connection errors or timeouts: both should be 0. */
  non2xx: number;
  errors: number;
}

/** Load on one route at a fixed concurrency for a bounded time, after a short warm-up that is not counted. */
export async function measureRoute(
  baseUrl: string,
  path: string,
  token: string,
  connections: number,
  seconds: number,
): Promise<RouteLoad> {
  const options = { url: `${baseUrl}${path}`, connections, headers: { authorization: `Bearer ${token}` } };
  await runAutocannon({ ...options, duration: Math.min(3, seconds) }, () => {});
  const latencies: number[] = [];
  const result = await runAutocannon({ ...options, duration: seconds }, (ms) => latencies.push(ms));
  latencies.sort((a, b) => a - b);
  return {
    path,
    connections,
    seconds,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.total / seconds),
    p50Ms: round(percentile(latencies, 0.5)),
    p95Ms: round(percentile(latencies, 0.95)),
    p99Ms: round(percentile(latencies, 0.99)),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function runAutocannon(options: autocannon.Options, onLatency: (ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on("response", (_client, _status, _bytes, responseTime) => onLatency(responseTime));
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

const round = (n: number) => Math.round(n * 100) / 100;
