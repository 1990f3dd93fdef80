import { afterEach, describe, expect, it } from "vitest";
import { callHttp, createKeepAliveAgent, type HttpCall } from "./http-call.js";
import { type LoopbackServer, startLoopbackServer, unusedPort } from "./testing/loopback-server.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function call(url: string, overrides: Partial<HttpCall> = {}): HttpCall {
  const parsed = new URL(url);
  return {
    url: parsed,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: '{"q":1}',
    timeoutMs: 2000,
    maxReplyBytes: 1024 * 1024,
    agent: createKeepAliveAgent(parsed),
    ...overrides,
  };
}

describe("callHttp", () => {
  it("sends the body and reads status, headers and the reply", async () => {
    server = await startLoopbackServer((_, response, body) => {
      response.writeHead(201, { "x-echo": "yes" });
      response.end(`got ${body}`);
    });
    const outcome = await callHttp(call(`${server.url}/chat`));
    expect(outcome).toMatchObject({ status: 201, statusText: "Created", body: 'got {"q":1}', truncated: false });
    expect(outcome.headers["x-echo"]).toBe("yes");
    expect(outcome.failure).toBeUndefined();
    expect(server.requests[0]).toMatchObject({ method: "POST", url: "/chat" });
  });

  it("reuses one connection for consecutive requests", async () => {
    const ports = new Set<number>();
    server = await startLoopbackServer((request, response) => {
      ports.add(request.socket.remotePort ?? 0);
      response.end("ok");
    });
    const settings = call(server.url);
    for (let i = 0; i < 3; i++) await callHttp(settings);
    expect(ports.size).toBe(1);
    settings.agent.destroy();
  });

  it("times out a server that hangs mid-reply and keeps the partial body", async () => {
    server = await startLoopbackServer((_, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("partial ");
    });
    const outcome = await callHttp(call(server.url, { timeoutMs: 150 }));
    expect(outcome.failure).toEqual({ kind: "timeout", message: "timed out after 150 ms" });
    expect(outcome.body).toBe("partial ");
    expect(outcome.status).toBe(200);
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(140);
  });

  it("cuts an enormous reply at the cap without failing", async () => {
    const chunk = "x".repeat(64 * 1024);
    server = await startLoopbackServer((_, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      for (let i = 0; i < 80; i++) response.write(chunk);
      response.end();
    });
    const outcome = await callHttp(call(server.url, { maxReplyBytes: 100_000 }));
    expect(outcome.failure).toBeUndefined();
    expect(outcome.truncated).toBe(true);
    expect(outcome.body.length).toBe(100_000);
  });

  it("reports a refused connection with the address", async () => {
    const port = await unusedPort();
    const outcome = await callHttp(call(`http://127.0.0.1:${port}/v1`));
    expect(outcome.failure).toEqual({ kind: "network", message: `connection refused at 127.0.0.1:${port}` });
    expect(outcome.status).toBeUndefined();
  });

  it("reports a socket closed before and during the reply", async () => {
    server = await startLoopbackServer((request, response) => {
      if (request.url === "/mid") {
        response.writeHead(200, { "content-length": "100" });
        response.write("half");
        setTimeout(() => request.socket.destroy(), 20);
      } else request.socket.destroy();
    });
    const before = await callHttp(call(server.url));
    expect(before.failure?.message).toMatch(/^connection closed by 127\.0\.0\.1:\d+ before replying$/);
    const mid = await callHttp(call(`${server.url}/mid`));
    expect(mid.failure?.kind).toBe("network");
    expect(mid.failure?.message).toMatch(/mid-reply$/);
    expect(mid.body).toBe("half");
  });

  it("stops when the caller aborts", async () => {
    server = await startLoopbackServer(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const outcome = await callHttp(call(server.url, { signal: controller.signal }));
    expect(outcome.failure).toEqual({ kind: "aborted", message: "aborted" });
  });
});
