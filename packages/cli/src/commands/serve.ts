import { isIPv6 } from "node:net";
import { configFromEnv, loadServerSecretKey, type ServerConfig, startServer } from "@openaims/server";
import type { Command } from "commander";
import { usageError } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { openStorage, resolveDataDir, withDataDirOption } from "../storage.js";
import { findWebDir } from "../web-dir.js";

/** Connections to PostgreSQL per server process. */
const SERVER_POOL_SIZE = 10;

interface ServeFlags {
  port?: string;
  host?: string;
  dataDir?: string;
}

export function registerServeCommand(program: Command, io: CliIo): void {
  withDataDirOption(
    program
      .command("serve")
      .description("Start the web UI and API (embedded database unless DATABASE_URL is set)")
      .option("--port <n>", "TCP port (default: $PORT or 8080)")
      .option(
        "--host <address>",
        "address to listen on (default: $AIMS_HOST or 127.0.0.1, this computer only; 0.0.0.0 for every interface)",
      ),
  ).action((flags: ServeFlags) => serve(flags, io));
}

async function serve(flags: ServeFlags, io: CliIo): Promise<void> {
  const overrides: Partial<ServerConfig> = { dataDir: resolveDataDir(flags, io), webDir: findWebDir(io.env) };
  if (flags.port !== undefined) overrides.port = parsePort(flags.port);
  if (flags.host !== undefined) overrides.host = flags.host;
  let config: ServerConfig;
  let keyGenerated: boolean;
  try {
    config = configFromEnv(io.env, overrides);
    // Before the database is opened, so a missing or unsafe key is reported as such.
    keyGenerated = loadServerSecretKey(config).source === "generated key file";
  } catch (error) {
    throw usageError((error as Error).message);
  }
  // Opened here rather than by startServer so that an unreachable database is exit code 3.
  const storage = await openStorage(flags, io, SERVER_POOL_SIZE);
  const server = await startServer(config, storage.database).catch(async (error: NodeJS.ErrnoException) => {
    await storage.database.close();
    if (error.code === "EADDRINUSE")
      throw usageError(`Port ${config.port} is already in use; choose another with --port.`);
    throw error;
  });
  const { address, port } = server.listening;
  const url = `http://${isLoopbackOrAny(address) ? "localhost" : new URL(server.url).hostname}:${port}`;
  const lines = [
    "",
    `OpenAIMS is running at ${url}`,
    `  address:  ${describeListening(address, port)}`,
    `  database: ${server.database.engine === "pglite" ? `embedded, in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
    `  files:    ${config.dataDir}`,
    `  secrets:  sealed with key ${server.secretKey.keyId} from ${server.secretKey.path ?? "AIMS_SECRET_KEY"}`,
  ];
  if (keyGenerated) {
    lines.push(
      "            (a new key: keep a copy apart from backups; without it stored client secrets cannot be read)",
    );
  }
  if (!config.webDir) lines.push("  web UI:   not built, serving the API only (run 'npm run build' first)");
  lines.push(`  API docs: ${url}/api/v1/docs`);
  lines.push(
    `  logs:     ${config.logLevel === "warn" ? "warnings and errors (AIMS_LOG_LEVEL=info adds one line per request)" : `level ${config.logLevel}`}`,
  );
  // Last, and framed, so it is not lost among earlier lines.
  if (server.setupCode) {
    lines.push(
      "",
      ...framed([
        "No account yet. To create the first one, open",
        `  ${url}/setup`,
        "and enter this one-time setup code:",
        `  ${server.setupCode}`,
        "",
        "Or stop the server and run: npx aims init --org NAME --email EMAIL",
        "(with the embedded database, init needs the server stopped).",
      ]),
    );
  }
  io.stdout(`${lines.join("\n")}\n\n`);
  const signal = await io.waitForShutdown();
  io.stderr(`Received ${signal}, shutting down…\n`);
  await server.close();
  await storage.database.close();
}

function isLoopbackOrAny(address: string): boolean {
  return address === "0.0.0.0" || address === "::" || address === "::1" || address.startsWith("127.");
}

function describeListening(address: string, port: number): string {
  const where = isIPv6(address) ? `[${address}]:${port}` : `${address}:${port}`;
  if (address === "0.0.0.0" || address === "::") return `${where}, every network interface`;
  if (isLoopbackOrAny(address)) return `${where}, this computer only (--host or AIMS_HOST to change)`;
  return where;
}

/** Lines inside a box of ASCII characters, which every terminal shows. */
function framed(text: string[]): string[] {
  const width = Math.max(...text.map((line) => line.length));
  const edge = `+${"-".repeat(width + 4)}+`;
  return [edge, ...text.map((line) => `|  ${line.padEnd(width)}  |`), edge];
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw usageError(`--port: expected a TCP port number, got '${value}'`);
  return port;
}
