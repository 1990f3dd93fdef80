import { describe, expect, it } from "vitest";
import { onLoopback } from "./run-scan.js";

const target = (endpoint: string, kind: "openai" | "http" | "command" = "http") => ({
  kind,
  endpoint,
  controlsSystemPrompt: false,
  hasToolTrace: false,
  identities: [],
});

describe("onLoopback", () => {
  it("knows which targets can reach this machine's loopback trap", () => {
    expect(onLoopback(target("http://127.0.0.1:8000/chat"))).toBe(true);
    expect(onLoopback(target("http://localhost:8000/chat"))).toBe(true);
    expect(onLoopback(target("http://[::1]:8000/chat"))).toBe(true);
    expect(onLoopback(target("node app.js", "command"))).toBe(true);
    expect(onLoopback(target("https://bot.example.com/v1/chat/completions"))).toBe(false);
    expect(onLoopback(target("http://10.0.0.5/chat"))).toBe(false);
  });
});
