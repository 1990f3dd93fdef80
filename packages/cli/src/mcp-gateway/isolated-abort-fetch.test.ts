import { getEventListeners } from "node:events";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedAbortFetch } from "./isolated-abort-fetch.js";

describe("a fetch with a signal of its own per request", () => {
  let server: Server;
  let url: string;
  const open: ServerResponse[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/json") {
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      } else if (req.url === "/stream") {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write("data: one\n\n");
        open.push(res);
      } else if (req.url === "/short-stream") {
        res.writeHead(200, { "content-type": "text/event-stream" }).end("data: only\n\n");
      } else {
        open.push(res); // never answers
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const res of open) res.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const listeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;

  it("leaves no listener on the shared signal after each answered request", async () => {
    const shared = new AbortController();
    const fetchIsolated = isolatedAbortFetch();
    for (let i = 0; i < 300; i++) {
      const res = await fetchIsolated(`${url}/json`, { signal: shared.signal });
      expect(await res.json()).toEqual({ ok: true });
    }
    expect(listeners(shared.signal)).toBe(0);
  });

  it("keeps an event stream tied to the shared signal until it ends or the signal aborts", async () => {
    const shared = new AbortController();
    const fetchIsolated = isolatedAbortFetch();
    const short = await fetchIsolated(`${url}/short-stream`, { signal: shared.signal });
    expect(await short.text()).toBe("data: only\n\n");
    expect(listeners(shared.signal)).toBe(0);

    const res = await fetchIsolated(`${url}/stream`, { signal: shared.signal });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("data: one\n\n");
    expect(listeners(shared.signal)).toBe(1);
    const next = reader.read();
    shared.abort(new Error("closing the connection"));
    await expect(next).rejects.toThrow();
    expect(listeners(shared.signal)).toBe(0);
  });

  it("aborts a request in flight when the shared signal aborts, and one already aborted at once", async () => {
    const shared = new AbortController();
    const fetchIsolated = isolatedAbortFetch();
    const pending = fetchIsolated(`${url}/silent`, { signal: shared.signal });
    setTimeout(() => shared.abort(), 50);
    await expect(pending).rejects.toThrow();
    expect(listeners(shared.signal)).toBe(0);
    await expect(fetchIsolated(`${url}/json`, { signal: shared.signal })).rejects.toThrow();
  });
});
