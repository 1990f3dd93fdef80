import { describe, expect, it } from "vitest";
import { createTarget } from "./create-target.js";
import { parseTargetConfig } from "./target-config.js";

const session = () => ({ cookies: new Map<string, string>(), values: new Map<string, string>() });

describe("createTarget", () => {
  it("builds the target kind the configuration names", async () => {
    const configs = [
      { type: "openai", url: "http://127.0.0.1:9/v1", model: "m" },
      { type: "http", url: "http://127.0.0.1:9/chat" },
      { type: "command", command: "app", args: ["--x"] },
    ];
    const kinds = [];
    for (const config of configs) {
      const target = createTarget(parseTargetConfig(config), {});
      kinds.push([target.capabilities().kind, target.capabilities().endpoint]);
      await target.close();
    }
    expect(kinds).toEqual([
      ["openai", "http://127.0.0.1:9/v1/chat/completions"],
      ["http", "http://127.0.0.1:9/chat"],
      ["command", "app --x"],
    ]);
  });

  it("refuses a configuration whose environment variable is missing", () => {
    const config = parseTargetConfig({
      type: "http",
      url: "http://127.0.0.1:9",
      headers: { "X-Key": "$" + "{env:KEY}" },
    });
    expect(() => createTarget(config, {})).toThrow("headers.X-Key: environment variable KEY is not set");
  });

  it("turns an unexpected fault into a failed exchange instead of throwing", async () => {
    // Node refuses arguments containing NUL bytes synchronously, inside send().
    const target = createTarget(parseTargetConfig({ type: "command", command: "app", args: ["a\u0000b"] }), {});
    const result = await target.send({ messages: [{ role: "user", content: "hi" }], tools: [], session: session() });
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe("bad_reply");
    expect(result.error?.message).toMatch(/^unexpected failure: /);
  });
});
