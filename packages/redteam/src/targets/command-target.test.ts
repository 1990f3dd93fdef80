import { describe, expect, it } from "vitest";
import type { ExchangeRequest } from "../model.js";
import { createCommandTarget } from "./command-target.js";
import { commandTargetSchema } from "./target-config.js";

/** `${env:NAME}` written without tripping the template-string lint. */
const envRef = (name: string) => `\${env:${name}}`;

/** A target running `node -e script`. */
function nodeTarget(script: string, extra: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = process.env) {
  return createCommandTarget(
    commandTargetSchema.parse({ type: "command", command: process.execPath, args: ["-e", script], ...extra }),
    env,
  );
}

const readInput = `let input = ""; process.stdin.on("data", (c) => (input += c));`;

function exchange(): ExchangeRequest {
  return {
    messages: [
      { role: "system", content: "sys" },
      { role: "user", content: "hello" },
    ],
    tools: [{ name: "lookup", description: "finds", parameters: { type: "object" } }],
    session: { cookies: new Map(), values: new Map() },
  };
}

describe("command target", () => {
  it("writes one JSON line to stdin and reads a structured reply with tool calls", async () => {
    const target = nodeTarget(`${readInput}
      process.stdin.on("end", () => {
        const request = JSON.parse(input);
        process.stdout.write(JSON.stringify({
          reply: "got " + request.messages.at(-1).content + " with " + request.tools[0].function.name,
          toolCalls: [{ name: "lookup", arguments: '{"id":1}' }, { name: "x", arguments: { y: 2 } }, { bad: true }],
        }));
      });`);
    const result = await target.send(exchange());
    expect(result).toMatchObject({ ok: true, reply: "got hello with lookup", truncated: false, attempts: 1 });
    expect(result.toolCalls).toEqual([
      { name: "lookup", arguments: { id: 1 } },
      { name: "x", arguments: { y: 2 } },
    ]);
    expect(JSON.parse(result.wire.request)).toEqual({
      messages: [
        { role: "system", content: "sys" },
        { role: "user", content: "hello" },
      ],
      tools: [{ type: "function", function: { name: "lookup", description: "finds", parameters: { type: "object" } } }],
    });
  });

  it("takes plain output as the reply, with no trace unless declared", async () => {
    const script = `${readInput} process.stdin.on("end", () => console.log("plain " + process.env.GREETING));`;
    const plain = nodeTarget(script, { env: { GREETING: envRef("WHO") } }, { ...process.env, WHO: "world" });
    expect(await plain.send(exchange())).toMatchObject({ ok: true, reply: "plain world", toolCalls: null });
    const traced = nodeTarget(script, { toolTrace: true, env: { GREETING: "x" } });
    expect(traced.capabilities().hasToolTrace).toBe(true);
    expect((await traced.send(exchange())).toolCalls).toEqual([]);
  });

  it("reports a non-zero exit with the start of stderr", async () => {
    const result = await nodeTarget(`console.error("model file missing"); process.exit(3);`).send(exchange());
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe("bad_reply");
    expect(result.error?.message).toMatch(/exited with code 3: model file missing$/);
  });

  it("kills a program that runs past the timeout, even one ignoring SIGTERM", async () => {
    const polite = await nodeTarget(`process.stdout.write("thinking"); setInterval(() => {}, 1000);`, {
      timeoutMs: 200,
    }).send(exchange());
    expect(polite).toMatchObject({ ok: false, error: { kind: "timeout", message: "timed out after 200 ms" } });
    expect(polite.wire.response).toBe("thinking");

    const started = Date.now();
    const stubborn = await nodeTarget(`process.on("SIGTERM", () => {}); setInterval(() => {}, 1000);`, {
      timeoutMs: 200,
    }).send(exchange());
    expect(stubborn.error?.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("cuts enormous output at the cap", async () => {
    const result = await nodeTarget(`process.stdout.write("y".repeat(5 * 1024 * 1024));`, {
      maxReplyBytes: 4096,
    }).send(exchange());
    expect(result).toMatchObject({ ok: true, truncated: true });
    expect(result.reply.length).toBe(4096);
  });

  it("stops a program that keeps running after its output passed the cap", async () => {
    const started = Date.now();
    const result = await nodeTarget(
      `process.stdout.on("error", () => {}); process.stdout.write("y".repeat(1024 * 1024)); setInterval(() => {}, 1000);`,
      { maxReplyBytes: 4096, timeoutMs: 10_000 },
    ).send(exchange());
    expect(result).toMatchObject({ ok: true, truncated: true });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("says when the program cannot be started", async () => {
    const target = createCommandTarget(
      commandTargetSchema.parse({ type: "command", command: "no-such-program-xyz" }),
      process.env,
    );
    const result = await target.send(exchange());
    expect(result.error).toEqual({
      kind: "bad_reply",
      message: "cannot start no-such-program-xyz: not found (or its cwd does not exist)",
    });
    expect(target.capabilities()).toMatchObject({ kind: "command", endpoint: "no-such-program-xyz" });
  });

  it("stops on abort and on close", async () => {
    const target = nodeTarget(`setInterval(() => {}, 1000);`);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect((await target.send(exchange(), controller.signal)).error?.kind).toBe("aborted");

    const pending = target.send(exchange());
    setTimeout(() => void target.close(), 100);
    expect((await pending).ok).toBe(false);
  });
});
