import { describe, expect, it } from "vitest";
import { readChatCompletion, toWireMessages, toWireTools } from "./openai-wire.js";

describe("toWireMessages", () => {
  it("maps every role, assistant tool calls and tool results", () => {
    const wire = toWireMessages([
      { role: "system", content: "be brief" },
      { role: "user", content: "hi" },
      { role: "assistant", content: null, toolCalls: [{ id: "c1", name: "lookup", arguments: { id: 7 } }] },
      { role: "tool", toolCallId: "c1", name: "lookup", content: "{}" },
      { role: "assistant", content: "done", toolCalls: [] },
      { role: "assistant", content: null, toolCalls: [{ name: "raw", arguments: "not json" }] },
    ]);
    expect(wire).toEqual([
      { role: "system", content: "be brief" },
      { role: "user", content: "hi" },
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "c1", type: "function", function: { name: "lookup", arguments: '{"id":7}' } }],
      },
      { role: "tool", tool_call_id: "c1", content: "{}" },
      { role: "assistant", content: "done" },
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "call_5_0", type: "function", function: { name: "raw", arguments: "not json" } }],
      },
    ]);
  });
});

describe("toWireTools", () => {
  it("wraps definitions as functions", () => {
    expect(toWireTools([{ name: "t", description: "d", parameters: { type: "object" } }])).toEqual([
      { type: "function", function: { name: "t", description: "d", parameters: { type: "object" } } },
    ]);
  });
});

describe("readChatCompletion", () => {
  it("reads content and tool calls, parsing arguments and keeping invalid ones as text", () => {
    const result = readChatCompletion({
      choices: [
        {
          message: {
            content: null,
            tool_calls: [
              { id: "a", type: "function", function: { name: "send", arguments: '{"to":"x"}' } },
              { id: "b", type: "function", function: { name: "run", arguments: "{oops" } },
              { type: "function", function: { name: "bare" } },
            ],
          },
        },
      ],
    });
    expect(result).toEqual({
      ok: true,
      reply: "",
      toolCalls: [
        { id: "a", name: "send", arguments: { to: "x" } },
        { id: "b", name: "run", arguments: "{oops" },
        { name: "bare", arguments: {} },
      ],
    });
  });

  it("has an empty trace when the model called nothing", () => {
    expect(readChatCompletion({ choices: [{ message: { content: "hello" } }] })).toEqual({
      ok: true,
      reply: "hello",
      toolCalls: [],
    });
  });

  it("says what is missing", () => {
    expect(readChatCompletion({ choices: [] })).toEqual({ ok: false, reason: "reply has no choices[0].message" });
    expect(readChatCompletion(null)).toMatchObject({ ok: false });
  });
});
