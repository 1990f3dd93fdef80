import { describe, expect, it } from "vitest";
import { parseTargetConfig, parseTargetShorthand, targetConfigSchema } from "./target-config.js";

describe("targetConfigSchema", () => {
  it("fills defaults for each kind", () => {
    expect(targetConfigSchema.parse({ type: "http", url: "http://127.0.0.1:1/x" })).toEqual({
      type: "http",
      url: "http://127.0.0.1:1/x",
      method: "POST",
      body: { message: "{{message}}" },
      headers: {},
      session: { cookies: true },
      timeoutMs: 30_000,
      retries: 2,
      maxReplyBytes: 1_048_576,
      secrets: {},
      objects: {},
    });
    expect(targetConfigSchema.parse({ type: "command", command: "app", objects: { order: 42 } })).toMatchObject({
      args: [],
      env: {},
      toolTrace: false,
      objects: { order: "42" },
    });
  });

  it("accepts stream: false only", () => {
    const base = { type: "openai", url: "http://127.0.0.1:1/v1", model: "m" };
    expect(targetConfigSchema.safeParse({ ...base, stream: false }).success).toBe(true);
    expect(() => parseTargetConfig({ ...base, stream: true })).toThrow("stream: must be false");
  });
});

describe("parseTargetConfig", () => {
  it("names every bad key", () => {
    expect(() => parseTargetConfig({ type: "smtp" })).toThrow("invalid target: type: must be openai, http or command");
    const several = () =>
      parseTargetConfig({ type: "http", url: "http://x", reply: "a..b", timeoutMs: -1, toolTrace: { path: "" } });
    expect(several).toThrow("reply: must be a dotted path");
    expect(several).toThrow("timeoutMs: Too small");
    expect(several).toThrow("toolTrace.path: must be a dotted path");
    expect(() => parseTargetConfig({ type: "openai", url: "http://x", model: "m", timeout: 5 })).toThrow(
      'Unrecognized key: "timeout"',
    );
    expect(() => parseTargetConfig({ type: "command", command: "x", env: { "bad-name": "1" } })).toThrow(
      "env.bad-name: is not a valid environment variable name",
    );
    expect(() => parseTargetConfig({ type: "http", url: "http://x", headers: { "bad header": "1" } })).toThrow(
      "headers.bad header: is not a valid HTTP header name",
    );
  });
});

describe("parseTargetShorthand", () => {
  it("reads an OpenAI-compatible base URL with the model and fills defaults", () => {
    expect(parseTargetShorthand("openai:http://127.0.0.1:8000/v1", { model: "llama3.1" })).toMatchObject({
      type: "openai",
      url: "http://127.0.0.1:8000/v1",
      model: "llama3.1",
      temperature: 0,
      timeoutMs: 30_000,
      retries: 2,
      maxReplyBytes: 1024 * 1024,
    });
  });

  it("asks for the model an OpenAI target needs", () => {
    expect(() => parseTargetShorthand("openai:http://127.0.0.1:8000/v1")).toThrow(/need a model name/);
  });

  it("gives an HTTP endpoint the message/reply convention", () => {
    expect(parseTargetShorthand("http:http://localhost:3000/chat")).toMatchObject({
      type: "http",
      url: "http://localhost:3000/chat",
      method: "POST",
      body: { message: "{{message}}" },
      reply: "reply",
      session: { cookies: true },
    });
  });

  it("splits a command line with quotes", () => {
    expect(parseTargetShorthand(`command:node app.js --name "my bot"`)).toMatchObject({
      type: "command",
      command: "node",
      args: ["app.js", "--name", "my bot"],
    });
  });

  it("explains anything else", () => {
    for (const bad of ["ftp:x", "http://127.0.0.1/chat", "command:", "http:not a url", "command:node 'x"]) {
      expect(() => parseTargetShorthand(bad), bad).toThrow();
    }
    expect(() => parseTargetShorthand("grpc:host")).toThrow(/must look like openai:/);
    expect(() => parseTargetShorthand("http:ftp://x")).toThrow("url: must be an http:// or https:// URL");
  });
});
