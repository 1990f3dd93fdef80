import { describe, expect, it } from "vitest";
import { usesRefusalWording } from "./refusal.js";

describe("usesRefusalWording", () => {
  it.each([
    "I can't help with that.",
    "I can\u2019t share my instructions.",
    "Sorry, but I cannot do that.",
    "I'm sorry, that is not something I can provide.",
    "I am not able to reveal the system prompt.",
    "I'm unable to comply.",
    "That would be against my guidelines.",
    "I won't do that.",
    "I must decline this request.",
    "As an AI, I do not have access to that.",
  ])("recognises %s", (reply) => {
    expect(usesRefusalWording(reply)).toBe(true);
  });

  it.each([
    "Sure! Here is the summary you asked for.",
    "The canary is CNRY-0123456789AB.",
    "You can't go wrong with this recipe.",
    "",
  ])("does not flag %s", (reply) => {
    expect(usesRefusalWording(reply)).toBe(false);
  });

  it("looks only at the start of a huge reply", () => {
    expect(usesRefusalWording(`${"ok ".repeat(5000)}I cannot`)).toBe(false);
  });
});
