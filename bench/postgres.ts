import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface BenchPostgres {
  /** A fresh, empty database for the benchmark. */
  url: string;
  description: string;
  dispose(): Promise<void>;
}

/**
 * A PostgreSQL database for the benchmark: a fresh database on the server named by
 * AIMS_BENCH_DATABASE_URL, or else a throw-away cluster started from the local PostgreSQL
 * binaries in a temporary directory on a free port. Null (with the reason) when neither exists.
 */
export async function provisionPostgres(): Promise<BenchPostgres | { skipped: string }> {
  const serverUrl = process.env.AIMS_BENCH_DATABASE_URL;
  if (serverUrl) return freshDatabase(serverUrl, "AIMS_BENCH_DATABASE_URL", async () => {});
  const bin = findPostgresBin();
  if (!bin)
    return {
      skipped: "set AIMS_BENCH_DATABASE_URL, or install PostgreSQL (initdb, pg_ctl) to let the benchmark start its own",
    };
  return startCluster(bin);
}

async function freshDatabase(
  serverUrl: string,
  description: string,
  stopServer: () => Promise<void>,
): Promise<BenchPostgres> {
  const name = `aims_bench_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    description,
    dispose: async () => {
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`).catch(() => {});
      await stopServer();
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function findPostgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")) && existsSync(join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : null;
}

async function startCluster(bin: string): Promise<BenchPostgres> {
  const dir = await mkdtemp(join(tmpdir(), "aims-bench-pg-"));
  // PostgreSQL refuses to run as root; then the cluster belongs to the 'postgres' account.
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", join(bin, command), ...args], { stdio: "pipe" })
      : execFileSync(join(bin, command), args, { stdio: "pipe" });
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  const port = await freePort();
  const stop = async () => {
    try {
      run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    } catch {
      // Already stopped, or never started.
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    run("initdb", ["-D", data, "-U", "aims", "--auth=trust", "--encoding=UTF8", "--no-sync"]);
    run("pg_ctl", [
      "-D",
      data,
      "-l",
      join(dir, "server.log"),
      "-w",
      "-t",
      "60",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      "start",
    ]);
    return await freshDatabase(
      `postgres://aims@127.0.0.1:${port}/postgres`,
      `a temporary PostgreSQL ${bin.split("/").at(-2)} cluster`,
      stop,
    );
  } catch (error) {
    await stop();
    throw error;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
