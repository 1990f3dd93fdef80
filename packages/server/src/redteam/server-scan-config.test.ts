import { describe, expect, it } from "vitest";
import { serverScanConfig, serverScanEnv } from "./server-scan-config.js";

describe("server scan configuration", () => {
  it("builds an openai target with the key named, not given", () => {
    const request = {
      system: "bot",
      target: {
        type: "openai" as const,
        url: "http://127.0.0.1:8000/v1",
        model: "m",
        apiKeyEnv: "AIMS_REDTEAM_KEY_BOT",
      },
      seed: 9,
    };
    expect(serverScanConfig(request)).toEqual({
      target: { type: "openai", url: "http://127.0.0.1:8000/v1", model: "m", apiKeyEnv: "AIMS_REDTEAM_KEY_BOT" },
      packs: ["default"],
      seed: 9,
      concurrency: 2,
    });
    expect(serverScanEnv(request, { AIMS_REDTEAM_KEY_BOT: "k", DATABASE_URL: "secret" })).toEqual({
      AIMS_REDTEAM_KEY_BOT: "k",
    });
  });

  it("sends an http target's key as a bearer header from the named variable", () => {
    const request = {
      system: "bot",
      target: {
        type: "http" as const,
        url: "http://127.0.0.1:8000/chat",
        reply: "data.reply",
        apiKeyEnv: "AIMS_REDTEAM_KEY_X",
      },
      concurrency: 1,
    };
    expect(serverScanConfig(request)).toEqual({
      target: {
        type: "http",
        url: "http://127.0.0.1:8000/chat",
        headers: { authorization: `Bearer ${"$"}{env:AIMS_REDTEAM_KEY_X}` },
        reply: "data.reply",
      },
      packs: ["default"],
      concurrency: 1,
    });
    expect(serverScanEnv({ ...request, target: { type: "http", url: "http://x" } }, { HOME: "/root" })).toEqual({});
  });
});
