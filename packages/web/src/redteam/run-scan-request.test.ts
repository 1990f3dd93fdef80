import { describe, expect, it } from "vitest";
import { checkRunScan, emptyRunScanValues, fieldOf, runScanBody } from "./run-scan-request";

describe("run scan request", () => {
  it("builds the body, leaving out empty fields", () => {
    expect(
      runScanBody({ ...emptyRunScanValues, system: "s", url: " http://127.0.0.1:8000/v1 ", model: "bot", seed: "7" }),
    ).toEqual({
      system: "s",
      target: { type: "openai", model: "bot", url: "http://127.0.0.1:8000/v1", apiKeyEnv: undefined },
      seed: 7,
      concurrency: 2,
    });
    expect(runScanBody({ ...emptyRunScanValues, type: "http", url: "http://x", reply: "data.reply" }).target).toEqual({
      type: "http",
      url: "http://x",
      reply: "data.reply",
      apiKeyEnv: undefined,
    });
  });

  it("names the fields to fix", () => {
    const errors = checkRunScan({ ...emptyRunScanValues, url: "ftp://x", apiKeyEnv: "HOME", concurrency: "99" });
    expect(Object.keys(errors).sort()).toEqual(["apiKeyEnv", "concurrency", "model", "system", "url"]);
    expect(errors.system).toBe("Choose the AI system to test");
    expect(fieldOf("body.target.url")).toBe("url");
  });
});
