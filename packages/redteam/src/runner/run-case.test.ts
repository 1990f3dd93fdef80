import { describe, expect, it } from "vitest";
import { maskSecrets, sendPointsOf } from "./run-case.js";

describe("maskSecrets", () => {
  it("shows configured secrets as their first characters only", () => {
    expect(maskSecrets("the passphrase is AMBER-FALCON-4821.", { system_prompt: "AMBER-FALCON-4821" })).toBe(
      "the passphrase is AMBE….",
    );
    expect(maskSecrets("short abc stays", { tiny: "abc" })).toBe("short abc stays");
  });
});

describe("sendPointsOf", () => {
  it("sends at each user turn followed by another, and after planted tool results", () => {
    const points = sendPointsOf([
      { role: "system", content: "s" },
      { role: "user", content: "u1" },
      { role: "assistant", content: null, toolCalls: [{ id: "1", name: "t", arguments: {} }] },
      { role: "tool", toolCallId: "1", name: "t", content: "r" },
      { role: "user", content: "u2" },
    ]);
    // The model answers the planted tool result (3), then the next user turn (4).
    expect([...points]).toEqual([3, 4]);
    expect([
      ...sendPointsOf([
        { role: "user", content: "a" },
        { role: "user", content: "b" },
      ]),
    ]).toEqual([0, 1]);
    expect([
      ...sendPointsOf([
        { role: "user", content: "a" },
        { role: "tool", toolCallId: "1", name: "t", content: "r" },
      ]),
    ]).toEqual([1]);
  });
});
