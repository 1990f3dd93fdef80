import { mkdtempSync, rmSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { openTestDatabase } from "@openaims/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { configFromEnv } from "./config.js";
import { startServer } from "./server.js";

/** An IPv4 address of this machine other than loopback, if it has one. */
const outwardAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === "IPv4" && !entry.internal)?.address;

const dataDir = mkdtempSync(join(tmpdir(), "aims-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A real server on a free port, configured from `env` as `aims serve` is, with its log lines kept. */
async function started(env: NodeJS.ProcessEnv) {
  const database = await openTestDatabase();
  const logs: string[] = [];
  const logStream = new PassThrough();
  logStream.on("data", (chunk: Buffer) => logs.push(...chunk.toString().split("\n").filter(Boolean)));
  const server = await startServer(configFromEnv(env, { port: 0, dataDir, logStream }), database);
  return {
    server,
    logs,
    close: async () => {
      await server.close();
      await database.close();
    },
  };
}

describe("the address the server listens on", () => {
  it("is 127.0.0.1 by default: reachable there, and not on the machine's other addresses", async () => {
    const { server, close } = await started({});
    try {
      expect(server.listening.address).toBe("127.0.0.1");
      expect(server.url).toBe(`http://127.0.0.1:${server.listening.port}`);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      if (outwardAddress) {
        await expect(fetch(`http://${outwardAddress}:${server.listening.port}/healthz`)).rejects.toThrow();
      }
    } finally {
      await close();
    }
  });

  it("is every interface when AIMS_HOST says 0.0.0.0", async () => {
    const { server, close } = await started({ AIMS_HOST: "0.0.0.0" });
    try {
      expect(server.listening.address).toBe("0.0.0.0");
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      if (outwardAddress) {
        expect((await fetch(`http://${outwardAddress}:${server.listening.port}/healthz`)).status).toBe(200);
      }
    } finally {
      await close();
    }
  });
});

describe("the server's log", () => {
  /** Three requests, the second with a secret in its query; each has been answered when this returns. */
  async function threeRequests(url: string) {
    await fetch(`${url}/healthz`);
    await fetch(`${url}/api/v1/nothing-here?token=hunter2`, { headers: { "x-request-id": "req-two" } });
    await fetch(`${url}/readyz`);
  }

  it("has no line for a request at the default level, but still has warnings", async () => {
    const { server, logs, close } = await started({});
    try {
      await threeRequests(server.url);
      server.app.log.warn("a warning");
    } finally {
      // Closing waits for every response to finish, so any access line has been written.
      await close();
    }
    expect(logs.map((line) => JSON.parse(line).msg)).toEqual(["a warning"]);
  });

  it("has exactly one access line per request at AIMS_LOG_LEVEL=info, with no secret from the query", async () => {
    const { server, logs, close } = await started({ AIMS_LOG_LEVEL: "info" });
    const before = logs.length;
    try {
      await threeRequests(server.url);
    } finally {
      await close();
    }
    const lines = logs.slice(before).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line.msg, line.method, line.path, line.status])).toEqual([
      ["request", "GET", "/healthz", 200],
      ["request", "GET", "/api/v1/nothing-here?token=[redacted]", 404],
      ["request", "GET", "/readyz", 200],
    ]);
    expect(lines[1]).toMatchObject({ level: 30, reqId: "req-two", durationMs: expect.any(Number) });
    expect(logs.join("\n")).not.toContain("hunter2");
  });
});
