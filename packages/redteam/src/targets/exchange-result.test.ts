import { describe, expect, it } from "vitest";
import { excerpt, failed, succeeded, TRANSCRIPT_BODY_BYTES, toolArguments } from "./exchange-result.js";

describe("exchange results", () => {
  it("caps wire bodies for the transcript but keeps the reply", () => {
    const big = "b".repeat(TRANSCRIPT_BODY_BYTES * 2);
    const result = succeeded(big, null, { wireRequest: big, wireResponse: big, latencyMs: 3.6, httpStatus: 200 });
    expect(result.reply.length).toBe(big.length);
    expect(result.wire.request.length).toBe(TRANSCRIPT_BODY_BYTES);
    expect(result.wire.response.length).toBe(TRANSCRIPT_BODY_BYTES);
    expect(result).toMatchObject({ ok: true, latencyMs: 4, attempts: 1, truncated: false, httpStatus: 200 });
  });

  it("records failures with an empty reply and no trace", () => {
    const result = failed("timeout", "timed out after 5 ms", { wireRequest: "{}", wireResponse: "", latencyMs: 5 });
    expect(result).toEqual({
      ok: false,
      reply: "",
      toolCalls: null,
      latencyMs: 5,
      attempts: 1,
      truncated: false,
      error: { kind: "timeout", message: "timed out after 5 ms" },
      wire: { request: "{}", response: "" },
    });
  });
});

describe("toolArguments", () => {
  it("parses JSON objects and keeps anything else as evidence", () => {
    expect(toolArguments('{"a":1}')).toEqual({ a: 1 });
    expect(toolArguments({ a: 1 })).toEqual({ a: 1 });
    expect(toolArguments("rm -rf /")).toBe("rm -rf /");
    expect(toolArguments("[1,2]")).toBe("[1,2]");
    expect(toolArguments([1, 2])).toBe("[1,2]");
    expect(toolArguments(undefined)).toEqual({});
  });
});

describe("excerpt", () => {
  it("flattens whitespace and shortens", () => {
    expect(excerpt("a\n  b\tc")).toBe("a b c");
    expect(excerpt("x".repeat(300), 10)).toBe(`${"x".repeat(10)}…`);
  });
});
