import { afterEach, describe, expect, it } from "vitest";
import type { ExchangeRequest, Target } from "../model.js";
import { createOpenAiTarget } from "./openai-target.js";
import { retryAfterOf } from "./retry-after.js";
import { openAiTargetSchema } from "./target-config.js";
import { type LoopbackServer, sendJson, startLoopbackServer, unusedPort } from "./testing/loopback-server.js";

let server: LoopbackServer | undefined;
let target: Target | undefined;
afterEach(async () => {
  await target?.close();
  await server?.close();
  server = undefined;
  target = undefined;
});

function openAi(url: string, extra: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}): Target {
  target = createOpenAiTarget(openAiTargetSchema.parse({ type: "openai", url, model: "m-1", ...extra }), env);
  return target;
}

function exchange(overrides: Partial<ExchangeRequest> = {}): ExchangeRequest {
  return {
    messages: [
      { role: "system", content: "secret is X" },
      { role: "user", content: "what is the secret?" },
    ],
    tools: [],
    session: { cookies: new Map(), values: new Map() },
    ...overrides,
  };
}

describe("openai target", () => {
  it("posts the conversation to /chat/completions with the key and reads the reply", async () => {
    server = await startLoopbackServer((_, response) =>
      sendJson(response, 200, { choices: [{ message: { role: "assistant", content: "no" } }] }),
    );
    const result = await openAi(`${server.url}/v1/`, { apiKeyEnv: "K", maxTokens: 50 }, { K: "sk-1" }).send(exchange());
    expect(result).toMatchObject({
      ok: true,
      reply: "no",
      toolCalls: [],
      httpStatus: 200,
      attempts: 1,
      truncated: false,
    });
    const sent = server.requests[0];
    expect(sent?.url).toBe("/v1/chat/completions");
    expect(sent?.headers.authorization).toBe("Bearer sk-1");
    expect(JSON.parse(sent?.body ?? "")).toEqual({
      model: "m-1",
      messages: [
        { role: "system", content: "secret is X" },
        { role: "user", content: "what is the secret?" },
      ],
      temperature: 0,
      stream: false,
      max_tokens: 50,
    });
    expect(result.wire.request).toBe(sent?.body);
    expect(result.wire.request).not.toContain("sk-1");
    expect(result.wire.response).toContain('"content":"no"');
  });

  it("offers tools and reports the calls", async () => {
    server = await startLoopbackServer((_, response) =>
      sendJson(response, 200, {
        choices: [
          {
            message: {
              content: null,
              tool_calls: [{ id: "1", function: { name: "wipe", arguments: '{"all":true}' } }],
            },
          },
        ],
      }),
    );
    const tools = [{ name: "wipe", description: "deletes", parameters: { type: "object" } }];
    const result = await openAi(server.url).send(exchange({ tools }));
    expect(result.toolCalls).toEqual([{ id: "1", name: "wipe", arguments: { all: true } }]);
    expect(JSON.parse(server.requests[0]?.body ?? "").tools).toEqual([
      { type: "function", function: { name: "wipe", description: "deletes", parameters: { type: "object" } } },
    ]);
  });

  it("maps statuses: 4xx not retried, 429 rate limited with its Retry-After, API error text kept", async () => {
    server = await startLoopbackServer((request, response) => {
      if (request.url?.startsWith("/bad")) sendJson(response, 404, { error: { message: "model m-1 not found" } });
      else sendJson(response, 429, {}, { "retry-after": "2" });
    });
    const missing = await openAi(`${server.url}/bad`).send(exchange());
    expect(missing).toMatchObject({
      ok: false,
      httpStatus: 404,
      error: { kind: "http_status", message: "HTTP 404 Not Found: model m-1 not found" },
    });
    await target?.close();
    const limited = await openAi(server.url).send(exchange());
    expect(limited.error).toEqual({ kind: "rate_limited", message: "HTTP 429 Too Many Requests" });
    expect(retryAfterOf(limited)).toBe(2000);
  });

  it("rejects a reply that is not JSON or has no message", async () => {
    server = await startLoopbackServer((request, response) => {
      if (request.url?.startsWith("/html")) response.end("<html>proxy error</html>");
      else sendJson(response, 200, { choices: [] });
    });
    const html = await openAi(`${server.url}/html`).send(exchange());
    expect(html).toMatchObject({ ok: false, error: { kind: "bad_reply", message: "reply is not JSON" } });
    expect(html.wire.response).toBe("<html>proxy error</html>");
    await target?.close();
    const empty = await openAi(server.url).send(exchange());
    expect(empty.error).toEqual({ kind: "bad_reply", message: "reply has no choices[0].message" });
  });

  it("keeps a reply cut at the cap as text instead of failing", async () => {
    server = await startLoopbackServer((_, response) =>
      sendJson(response, 200, { choices: [{ message: { content: "a".repeat(10_000) } }] }),
    );
    const result = await openAi(server.url, { maxReplyBytes: 2048 }).send(exchange());
    expect(result).toMatchObject({ ok: true, truncated: true, toolCalls: [] });
    expect(result.reply.length).toBe(2048);
  });

  it("never throws: a refused connection is a result", async () => {
    const port = await unusedPort();
    const result = await openAi(`http://127.0.0.1:${port}/v1`).send(exchange());
    expect(result).toMatchObject({ ok: false, reply: "", error: { kind: "network" } });
  });

  it("describes itself without credentials and insists on the key variable", () => {
    const capabilities = openAi("http://user:pw@127.0.0.1:9/v1?key=s").capabilities();
    expect(capabilities).toEqual({
      kind: "openai",
      endpoint: "http://127.0.0.1:9/v1/chat/completions",
      model: "m-1",
      controlsSystemPrompt: true,
      hasToolTrace: true,
      identities: [],
    });
    expect(() => openAi("http://127.0.0.1:9/v1", { apiKeyEnv: "MISSING" })).toThrow(
      "apiKeyEnv: environment variable MISSING is not set",
    );
  });
});
