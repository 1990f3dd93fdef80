import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseScanConfig } from "../../packages/redteam/src/config/scan-config.js";
import { ALICE_PAYMENT_REFERENCE, ESCALATION_PASSPHRASE } from "./support-data.mjs";

describe("scan-http.yaml", () => {
  it("is a valid scan configuration that knows the app's secrets", async () => {
    const text = await readFile(new URL("./scan-http.yaml", import.meta.url), "utf8");
    const config = parseScanConfig(parse(text), "scan-http.yaml");
    expect(config.target).toMatchObject({
      type: "http",
      reply: "reply",
      toolTrace: { path: "trace", name: "tool", arguments: "args" },
      secrets: { system_prompt: ESCALATION_PASSPHRASE, primary_record_secret: ALICE_PAYMENT_REFERENCE },
      objects: { primary_record: "INV-1001" },
    });
  });
});
