import { afterEach, describe, expect, it } from "vitest";
import type { ExchangeRequest, Target } from "../model.js";
import { createTarget } from "./create-target.js";
import { type PacerOptions, pacedTarget, RATE_LIMITED_RETRIES } from "./request-pacer.js";
import { parseTargetConfig } from "./target-config.js";
import { type LoopbackServer, sendJson, startLoopbackServer } from "./testing/loopback-server.js";

let server: LoopbackServer | undefined;
let target: Target | undefined;
afterEach(async () => {
  await target?.close();
  await server?.close();
  server = undefined;
  target = undefined;
});

/** A fake clock whose sleeps only record and advance time. */
function fakeTime() {
  const clock = { now: 0, sleeps: [] as number[] };
  return {
    clock,
    now: () => clock.now,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.now += ms;
    },
  };
}

function paced(url: string, options: Partial<PacerOptions> = {}, config: Record<string, unknown> = {}) {
  const time = fakeTime();
  target = createTarget(parseTargetConfig({ type: "http", url, reply: "reply", ...config }), {});
  const pacer = pacedTarget(target, { concurrency: 4, retries: 2, sleep: time.sleep, now: time.now, ...options });
  return { pacer, clock: time.clock };
}

function turn(text = "hi"): ExchangeRequest {
  return { messages: [{ role: "user", content: text }], tools: [], session: { cookies: new Map(), values: new Map() } };
}

/** Answers from a script of statuses, then 200 with {reply:"ok"}. */
function scripted(statuses: Array<number | "close">, headers: Record<string, string> = {}) {
  let index = 0;
  return startLoopbackServer((request, response) => {
    const status = statuses[index++] ?? 200;
    if (status === "close") request.socket.destroy();
    else if (status === 200) sendJson(response, 200, { reply: "ok" });
    else sendJson(response, status, { error: "busy" }, headers);
  });
}

describe("pacedTarget retries", () => {
  it("waits out a 429's Retry-After, then succeeds", async () => {
    server = await scripted([429], { "retry-after": "1" });
    const { pacer, clock } = paced(server.url);
    const result = await pacer.send(turn());
    expect(result).toMatchObject({ ok: true, reply: "ok", attempts: 2 });
    expect(clock.sleeps).toEqual([1000]);
    expect(pacer.pacing().concurrencyLimit).toBe(2);
  });

  it("retries a 429 after its Retry-After even with no retries for other failures", async () => {
    server = await scripted([429], { "retry-after": "2" });
    const { pacer, clock } = paced(server.url, { retries: 0 });
    expect(await pacer.send(turn())).toMatchObject({ ok: true, attempts: 2 });
    expect(clock.sleeps).toEqual([2000]);
  });

  it("gives up on throttling only after RATE_LIMITED_RETRIES more attempts", async () => {
    server = await scripted(Array.from({ length: RATE_LIMITED_RETRIES + 2 }, () => 429 as const));
    const { pacer } = paced(server.url, { retries: 1 });
    const result = await pacer.send(turn());
    expect(result).toMatchObject({ ok: false, attempts: RATE_LIMITED_RETRIES + 1, error: { kind: "rate_limited" } });
  });

  it("caps a long Retry-After (seconds or HTTP date) at maxDelayMs", async () => {
    server = await scripted([429, 503], { "retry-after": new Date(Date.now() + 3_600_000).toUTCString() });
    const { pacer, clock } = paced(server.url, { maxDelayMs: 5000 });
    expect((await pacer.send(turn())).attempts).toBe(3);
    expect(clock.sleeps).toEqual([5000, 5000]);
  });

  it("backs off exponentially on 5xx and network failures", async () => {
    server = await scripted([503, "close"]);
    const { pacer, clock } = paced(server.url);
    expect(await pacer.send(turn())).toMatchObject({ ok: true, attempts: 3 });
    expect(clock.sleeps).toEqual([250, 500]);
  });

  it("gives up after the configured retries with the last failure", async () => {
    server = await scripted([500, 500, 500, 500]);
    const { pacer } = paced(server.url, { retries: 2 });
    const result = await pacer.send(turn());
    expect(result).toMatchObject({ ok: false, attempts: 3, httpStatus: 500, error: { kind: "http_status" } });
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry 4xx or replies that are not JSON", async () => {
    server = await startLoopbackServer((request, response) => {
      if (request.url === "/text") response.end("<html>");
      else sendJson(response, 403, {});
    });
    const forbidden = paced(server.url).pacer;
    expect(await forbidden.send(turn())).toMatchObject({ ok: false, attempts: 1, httpStatus: 403 });
    await target?.close();
    const text = paced(`${server.url}/text`).pacer;
    expect(await text.send(turn())).toMatchObject({ ok: false, attempts: 1, error: { kind: "bad_reply" } });
  });

  it("retries a server that hangs mid-reply, keeping the partial body", async () => {
    server = await startLoopbackServer((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"reply":"par');
    });
    const { pacer } = paced(server.url, { retries: 1 }, { timeoutMs: 150 });
    const result = await pacer.send(turn());
    expect(result).toMatchObject({
      ok: false,
      attempts: 2,
      error: { kind: "timeout", message: "timed out after 150 ms" },
    });
    expect(result.wire.response).toBe('{"reply":"par');
  });

  it("cuts a 5 MiB reply without retrying", async () => {
    const block = "z".repeat(1024 * 1024);
    server = await startLoopbackServer((_, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      for (let i = 0; i < 5; i++) response.write(block);
      response.end();
    });
    const { pacer } = paced(server.url, {}, { reply: undefined, maxReplyBytes: 65_536 });
    const result = await pacer.send(turn());
    expect(result).toMatchObject({ ok: true, truncated: true, attempts: 1 });
    expect(result.reply.length).toBe(65_536);
  });
});

describe("pacedTarget pacing", () => {
  it("keeps at most `concurrency` requests in flight", async () => {
    let active = 0;
    let peak = 0;
    server = await startLoopbackServer((_, response) => {
      active++;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active--;
        sendJson(response, 200, { reply: "ok" });
      }, 20);
    });
    const { pacer } = paced(server.url, { concurrency: 3 });
    const results = await Promise.all(Array.from({ length: 12 }, () => pacer.send(turn())));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(peak).toBe(3);
  });

  it("halves concurrency once for a wave of 429s and recovers on successes", async () => {
    // Each conversation's first request is refused, whatever order requests arrive in.
    const seen = new Set<string>();
    server = await startLoopbackServer((_, response, body) => {
      if (seen.has(body)) return sendJson(response, 200, { reply: "ok" });
      seen.add(body);
      sendJson(response, 429, {});
    });
    const { pacer } = paced(server.url, { concurrency: 8 });
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => pacer.send(turn(`wave ${i}`))));
    expect(results.every((result) => result.ok && result.attempts === 2)).toBe(true);
    // One halving for the wave, then one step back per `limit` successes (8 retries: 4→5 after 4, 4 more → 5).
    expect(pacer.pacing().concurrencyLimit).toBe(5);
    for (let i = 0; i < 5 + 6 + 7; i++) await pacer.send(turn("wave 0"));
    expect(pacer.pacing().concurrencyLimit).toBe(8);
  });

  it("spaces requests to the requests-per-minute cap, retries included", async () => {
    server = await scripted([200, 503, 200]);
    const { pacer, clock } = paced(server.url, { requestsPerMinute: 120, baseDelayMs: 100 });
    await pacer.send(turn());
    await pacer.send(turn()); // 503, back-off 100 ms, retry
    await pacer.send(turn());
    // Starts at 0, 500, 1000 (after 100 back-off: 400 more), 1500.
    expect(clock.sleeps).toEqual([500, 100, 400, 500]);
  });

  it("returns an aborted result while queued", async () => {
    server = await startLoopbackServer((_, response) =>
      setTimeout(() => sendJson(response, 200, { reply: "ok" }), 100),
    );
    const { pacer } = paced(server.url, { concurrency: 1 });
    const first = pacer.send(turn());
    const controller = new AbortController();
    const second = pacer.send(turn(), controller.signal);
    controller.abort();
    expect(await second).toMatchObject({ ok: false, attempts: 0, error: { kind: "aborted" } });
    expect((await first).ok).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it("sends unpaced requests once, without retrying a 429", async () => {
    server = await scripted([429, 429], { "retry-after": "5" });
    const { pacer, clock } = paced(server.url, { requestsPerMinute: 1 });
    const statuses = await Promise.all([pacer.sendUnpaced(turn()), pacer.sendUnpaced(turn())]);
    expect(statuses.map((result) => [result.httpStatus, result.attempts])).toEqual([
      [429, 1],
      [429, 1],
    ]);
    expect(clock.sleeps).toEqual([]);
    expect(pacer.pacing().concurrencyLimit).toBe(4);
  });
});
