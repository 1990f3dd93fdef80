import { afterEach, describe, expect, it } from "vitest";
import type { ExchangeRequest, SessionState, Target } from "../model.js";
import { createHttpTarget } from "./http-target.js";
import { httpTargetSchema } from "./target-config.js";
import { type LoopbackServer, sendJson, startLoopbackServer } from "./testing/loopback-server.js";

/** `${env:NAME}` written without tripping the template-string lint. */
const envRef = (name: string) => `\${env:${name}}`;

let server: LoopbackServer | undefined;
let target: Target | undefined;
afterEach(async () => {
  await target?.close();
  await server?.close();
  server = undefined;
  target = undefined;
});

function httpTarget(url: string, extra: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}): Target {
  target = createHttpTarget(httpTargetSchema.parse({ type: "http", url, ...extra }), env);
  return target;
}

function newSession(): SessionState {
  return { cookies: new Map(), values: new Map() };
}

function turn(text: string, session = newSession(), identity?: "primary" | "secondary"): ExchangeRequest {
  return { messages: [{ role: "user", content: text }], tools: [], session, identity };
}

describe("http target", () => {
  it("fills the body template, sends resolved headers and selects the reply", async () => {
    server = await startLoopbackServer((_, response) => sendJson(response, 200, { data: [{ text: "pong" }] }));
    const chat = httpTarget(
      `${server.url}/api/chat`,
      {
        body: { input: "{{message}}", meta: { note: "user said: {{message}}" }, all: "{{messages}}" },
        headers: { "X-Api-Key": envRef("APP_KEY") },
        reply: "$.data[0].text",
      },
      { APP_KEY: "k-9" },
    );
    const result = await chat.send(turn("ping"));
    expect(result).toMatchObject({ ok: true, reply: "pong", toolCalls: null, httpStatus: 200 });
    const sent = server.requests[0];
    expect(sent?.headers["x-api-key"]).toBe("k-9");
    expect(JSON.parse(sent?.body ?? "")).toEqual({
      input: "ping",
      meta: { note: "user said: ping" },
      all: [{ role: "user", content: "ping" }],
    });
    expect(chat.capabilities()).toEqual({
      kind: "http",
      endpoint: `${server.url}/api/chat`,
      controlsSystemPrompt: false,
      hasToolTrace: false,
      identities: [],
    });
  });

  it("uses a text/plain body as the reply when no selector is set", async () => {
    server = await startLoopbackServer((_, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("plain answer");
    });
    expect((await httpTarget(server.url).send(turn("hi"))).reply).toBe("plain answer");
  });

  it("fails clearly when the selected reply is missing or the body is not JSON", async () => {
    server = await startLoopbackServer((request, response) => {
      if (request.url === "/text") response.end("oops, html");
      else sendJson(response, 200, { other: 1 });
    });
    const notJson = await httpTarget(`${server.url}/text`, { reply: "reply" }).send(turn("hi"));
    expect(notJson).toMatchObject({ ok: false, error: { kind: "bad_reply", message: "reply is not JSON" } });
    expect(notJson.wire.response).toBe("oops, html");
    await target?.close();
    const missing = await httpTarget(server.url, { reply: "reply" }).send(turn("hi"));
    expect(missing.error).toEqual({ kind: "bad_reply", message: 'reply has nothing at "reply"' });
  });

  it("reads the tool-call trace with configured field names", async () => {
    server = await startLoopbackServer((_, response) =>
      sendJson(response, 200, {
        reply: "done",
        steps: [
          { tool: "refund", input: '{"order":"A-1"}', id: "s1" },
          { tool: "email", input: { to: "x@example.com" } },
          { note: "no tool name" },
        ],
      }),
    );
    const chat = httpTarget(server.url, {
      reply: "reply",
      toolTrace: { path: "steps", name: "tool", arguments: "input" },
    });
    expect(chat.capabilities().hasToolTrace).toBe(true);
    expect((await chat.send(turn("hi"))).toolCalls).toEqual([
      { id: "s1", name: "refund", arguments: { order: "A-1" } },
      { name: "email", arguments: { to: "x@example.com" } },
    ]);
  });

  it("reads each call's result for a policy denial when a result selector is set", async () => {
    const denial = {
      content: [{ type: "text", text: "Blocked by policy: amount 500 is more than the maximum 100" }],
      isError: true,
      _meta: { "openaims/decision": { outcome: "deny", rule: "tools.refund.arguments.amount", reason: "too much" } },
    };
    server = await startLoopbackServer((_, response) =>
      sendJson(response, 200, {
        reply: "done",
        steps: [
          { tool: "refund", input: { amount: 500 }, output: denial },
          { tool: "lookup", input: {}, output: { status: "ok" } },
          { tool: "email", input: {} },
        ],
      }),
    );
    const chat = httpTarget(server.url, {
      reply: "reply",
      toolTrace: { path: "steps", name: "tool", arguments: "input", result: "output" },
    });
    expect((await chat.send(turn("hi"))).toolCalls).toEqual([
      { name: "refund", arguments: { amount: 500 }, result: { blocked: true, rule: "tools.refund.arguments.amount" } },
      { name: "lookup", arguments: {}, result: { blocked: false } },
      { name: "email", arguments: {} },
    ]);
  });

  it("keeps cookies and a captured session id for the rest of the conversation", async () => {
    let count = 0;
    server = await startLoopbackServer((request, response) => {
      count++;
      const headers = count === 1 ? { "set-cookie": ["sid=c-1; HttpOnly"] } : {};
      sendJson(
        response,
        200,
        { reply: `turn ${count}`, conversation: "conv-7", seenCookie: request.headers.cookie ?? null },
        headers,
      );
    });
    const chat = httpTarget(server.url, {
      body: { q: "{{message}}", conversation: "{{session}}" },
      reply: "reply",
      session: { fromReply: "conversation" },
    });
    const session = newSession();
    await chat.send(turn("one", session));
    const second = await chat.send(turn("two", session));
    expect(second.reply).toBe("turn 2");
    expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({ q: "one", conversation: null });
    expect(JSON.parse(server.requests[1]?.body ?? "")).toEqual({ q: "two", conversation: "conv-7" });
    expect(server.requests[1]?.headers.cookie).toBe("sid=c-1");
    expect(session.cookies.get("sid")).toBe("c-1");
    // Another conversation starts clean.
    await chat.send(turn("three"));
    expect(server.requests[2]?.headers.cookie).toBeUndefined();
  });

  it("sends each turn with its identity's headers merged over the shared ones", async () => {
    server = await startLoopbackServer((request, response) =>
      sendJson(response, 200, { reply: `${request.headers.authorization} ${request.headers["x-tenant"]}` }),
    );
    const chat = httpTarget(
      server.url,
      {
        reply: "reply",
        headers: { "X-Tenant": "t1", Authorization: "none" },
        identities: {
          primary: { headers: { Authorization: `Bearer ${envRef("ALICE")}` } },
          secondary: { headers: { Authorization: "Bearer bob" } },
        },
      },
      { ALICE: "alice" },
    );
    expect(chat.capabilities().identities).toEqual(["primary", "secondary"]);
    expect((await chat.send(turn("x"))).reply).toBe("Bearer alice t1");
    expect((await chat.send(turn("x", newSession(), "secondary"))).reply).toBe("Bearer bob t1");
  });

  it("reports 4xx with the status and the application's message", async () => {
    server = await startLoopbackServer((_, response) => sendJson(response, 413, { detail: "input too long" }));
    const result = await httpTarget(server.url).send(turn("x".repeat(5000)));
    expect(result).toMatchObject({
      ok: false,
      httpStatus: 413,
      error: { kind: "http_status", message: "HTTP 413 Payload Too Large: input too long" },
    });
  });
});
