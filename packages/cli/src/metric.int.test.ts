import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AimsDatabase } from "@openaims/db";
import type { RunningServer } from "@openaims/server";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRemoteTarget } from "./testing/remote-target.js";
import { type CliTarget, runCli } from "./testing/run-cli.js";

describe("aims metric push", () => {
  let target: CliTarget;
  let database: AimsDatabase;
  let server: RunningServer;
  let dir: string;
  let writeToken: string;
  let readToken: string;
  let metricId: string;

  beforeAll(async () => {
    let orgId: string;
    ({ target, database, server, orgId, readToken, writeToken } = await startRemoteTarget("Metric Co"));
    dir = await mkdtemp(join(tmpdir(), "aims-metric-"));
    const systemId = randomUUID();
    await sql`insert into ai_systems (id, org_id, slug, name, our_role, lifecycle_stage, impact_tier, autonomy)
      values (${systemId}, ${orgId}, 'support-bot', 'Support bot', 'provider', 'operation', 'low', 'advisory')`.execute(
      database.db,
    );
    const created = await fetch(`${server.url}/api/v1/orgs/${orgId}/metrics`, {
      method: "POST",
      headers: { authorization: `Bearer ${writeToken}`, "content-type": "application/json" },
      body: JSON.stringify({
        systemId,
        name: "error_rate",
        direction: "lower_is_better",
        warning: 0.05,
        critical: 0.1,
        cadenceMinutes: null,
      }),
    });
    expect(created.status).toBe(201);
    metricId = (await created.json()).id;
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await target?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  const env = (token = writeToken) => ({ AIMS_URL: server.url, AIMS_TOKEN: token });
  const count = async () =>
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from metric_observations where metric_id = ${metricId}`.execute(database.db)
    ).rows[0]?.n;

  it("pushes one observation and prints the alert it raised", async () => {
    const result = await runCli(
      ["metric", "push", "--system", "support-bot", "--metric", "error_rate", "--value", "0.2"],
      env(),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      "Stored 1 observation of support-bot.\nAlert AL-1 raised: error_rate critical (threshold breach)\n",
    );
    expect(await count()).toBe(1);
  });

  it("sends a CSV file in batches", async () => {
    const start = Date.now() - 3_600_000;
    const lines = Array.from({ length: 25 }, (_, i) => `error_rate,0.01,${new Date(start + i * 60_000).toISOString()}`);
    const file = join(dir, "obs.csv");
    await writeFile(file, `metric,value,at\n${lines.join("\n")}\n`);
    const result = await runCli(
      ["metric", "push", "--system", "support-bot", "--file", file, "--batch-size", "10"],
      env(),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("Stored 25 observations of support-bot.\n");
    expect(await count()).toBe(26);
  });

  it("refuses a JSON Lines file naming an unknown metric by its line, storing nothing", async () => {
    const file = join(dir, "obs.jsonl");
    await writeFile(
      file,
      [
        '{"metric":"error_rate","value":0.01}',
        "",
        '{"metric":"accuracy","value":0.9}',
        '{"metric":"error_rate","value":0.02}',
      ].join("\n"),
    );
    const result = await runCli(["metric", "push", "--system", "support-bot", "--file", file], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("nothing of it was stored");
    expect(result.stderr).toContain('line 3 metric: no metric named "accuracy" is defined for this system');
    expect(await count()).toBe(26);
  });

  it("checks values and times before sending anything", async () => {
    const file = join(dir, "bad.csv");
    await writeFile(file, "metric,value,at\nerror_rate,0.01,\nerror_rate,high,\nerror_rate,0.01,yesterday\n");
    const result = await runCli(["metric", "push", "--system", "support-bot", "--file", file], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('line 3 value: must be a finite number, not "high"');
    expect(result.stderr).toContain("line 4 at: must be an ISO 8601 time");
    expect(await count()).toBe(26);
  });

  it("exits 2 on usage errors, 4 for an unknown system and 5 with a read-scope token", async () => {
    expect((await runCli(["metric", "push", "--system", "support-bot", "--metric", "error_rate"], env())).code).toBe(2);
    const unknown = await runCli(
      ["metric", "push", "--system", "nope", "--metric", "error_rate", "--value", "1"],
      env(),
    );
    expect(unknown.code).toBe(4);
    const read = await runCli(
      ["metric", "push", "--system", "support-bot", "--metric", "error_rate", "--value", "1"],
      env(readToken),
    );
    expect(read.code).toBe(5);
    expect(read.stderr).toContain("read scope");
  });
});
