/**
 * Starts one server process on DATABASE_URL and a free port, then prints its URL as one JSON line.
 * Used to prove that several processes can share one PostgreSQL.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configFromEnv } from "../config.js";
import { startServer } from "../server.js";

const server = await startServer(
  configFromEnv(process.env, {
    port: 0,
    host: "127.0.0.1",
    dataDir: mkdtempSync(join(tmpdir(), "aims-proc-")),
    logLevel: "warn",
  }),
);
process.stdout.write(`${JSON.stringify({ url: server.url, pid: process.pid })}\n`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
