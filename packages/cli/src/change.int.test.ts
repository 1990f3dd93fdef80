import { randomUUID } from "node:crypto";
import type { AimsDatabase } from "@openaims/db";
import type { RunningServer } from "@openaims/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRemoteTarget } from "./testing/remote-target.js";
import { type CliTarget, runCli } from "./testing/run-cli.js";

describe("aims change record", () => {
  let target: CliTarget;
  let database: AimsDatabase;
  let server: RunningServer;
  let readToken: string;
  let writeToken: string;
  let orgId: string;
  let riskId: string;

  beforeAll(async () => {
    ({ target, database, server, orgId, readToken, writeToken } = await startRemoteTarget("Change Co"));
    const api = (path: string, body: object) =>
      fetch(`${server.url}/api/v1/orgs/${orgId}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${writeToken}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then((res) => res.json());
    const system = await api("/systems", {
      name: "Support bot",
      slug: "support-bot",
      ourRole: "provider",
      impactTier: "medium",
      autonomy: "advisory",
    });
    riskId = (await api("/risks", { title: "Makes up refund rules", systemId: system.id })).id;
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await target?.dispose();
  });

  const change = (args: string[], token = writeToken) =>
    runCli(["change", "record", ...args], { AIMS_URL: server.url, AIMS_TOKEN: token });

  it("records a material change by kind, and says what it sent back for review", async () => {
    const result = await change(["--system", "support-bot", "--kind", "model_version", "--summary", "Model v2"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Recorded CHG-1 on support-bot: New model version — Model v2");
    expect(result.stdout).toContain("Material (the kind's suggestion");
    expect(result.stdout).toMatch(/Sent back for review: 1 risk \(R-1\)/);
    const risk = await database.db
      .selectFrom("risks")
      .select("rereview_requested_at")
      .where("id", "=", riskId)
      .executeTakeFirstOrThrow();
    expect(risk.rereview_requested_at).not.toBeNull();
  });

  it("leaves a prompt change immaterial unless --material is given, and prints JSON on request", async () => {
    const plain = await change(["--system", "support-bot", "--kind", "prompt_or_configuration", "--summary", "Tone"]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("Not material");
    const forced = await change([
      "--system",
      "support-bot",
      "--kind",
      "prompt_or_configuration",
      "--summary",
      "New refund policy in the prompt",
      "--description",
      "The prompt now quotes the refund policy.",
      "--material",
      "--json",
    ]);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({
      ref: "CHG-3",
      material: true,
      suggestedMaterial: false,
      description: "The prompt now quotes the refund policy.",
      status: "requested",
    });
  });

  it("exits 2 naming the kinds for an unknown kind or a missing option, 4 for an unknown system", async () => {
    const unknown = await change(["--system", "support-bot", "--kind", "rewrite", "--summary", "x y z"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("'rewrite' is not a kind of change");
    expect(unknown.stderr).toContain("model_version, retraining, prompt_or_configuration");
    const missing = await change(["--system", "support-bot"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Missing --kind, --summary");
    expect(missing.stderr).toContain("new_data_source");
    const noSystem = await change([
      "--system",
      `nope-${randomUUID().slice(0, 6)}`,
      "--kind",
      "other",
      "--summary",
      "x y z",
    ]);
    expect(noSystem.code).toBe(4);
  });

  it("is refused with a read token (exit 5) and without AIMS_URL (exit 2)", async () => {
    const read = await change(["--system", "support-bot", "--kind", "other", "--summary", "Read"], readToken);
    expect(read.code).toBe(5);
    const noUrl = await runCli(["change", "record", "--system", "support-bot", "--kind", "other", "--summary", "x y"], {
      AIMS_TOKEN: writeToken,
    });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain("AIMS_URL");
  });
});
