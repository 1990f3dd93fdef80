import { createHash, randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AimsDatabase } from "@openaims/db";
import type { RunningServer } from "@openaims/server";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { driftHtmlFixture, driftReportFixture } from "../../server/src/drift/drift-test-fixtures.js";
import { startRemoteTarget } from "./testing/remote-target.js";
import { type CliTarget, runCli } from "./testing/run-cli.js";

describe("aims drift upload", () => {
  let target: CliTarget;
  let database: AimsDatabase;
  let server: RunningServer;
  let dir: string;
  let writeToken: string;
  let readToken: string;
  let orgId: string;

  beforeAll(async () => {
    ({ target, database, server, orgId, readToken, writeToken } = await startRemoteTarget("Drift Co"));
    dir = await mkdtemp(join(tmpdir(), "aims-drift-upload-"));
    await sql`insert into ai_systems (id, org_id, slug, name, our_role, lifecycle_stage, impact_tier, autonomy)
      values (${randomUUID()}, ${orgId}, 'credit-model', 'Credit model', 'provider', 'operation', 'low', 'advisory')`.execute(
      database.db,
    );
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await target?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  const env = (token = writeToken) => ({ AIMS_URL: server.url, AIMS_TOKEN: token });
  const reportDir = async (name: string, summary: unknown, html: string | null) => {
    const out = join(dir, name);
    await mkdir(out, { recursive: true });
    await writeFile(join(out, "drift-report.json"), JSON.stringify(summary));
    if (html !== null) await writeFile(join(out, "drift-report.html"), html);
    return out;
  };

  it("sends the summary and HTML report, recorded as evidence with the HTML's hash", async () => {
    const out = await reportDir("ok", driftReportFixture(["age", "income"], ["age"]), driftHtmlFixture);
    const result = await runCli(["drift", "upload", "--system", "credit-model", "--report", out], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("Recorded drift report DR-1 of credit-model: 1 of 2 columns drifted; evidence E-1.\n");
    const evidence = await database.db
      .selectFrom("evidence")
      .select(["file_sha256", "file_media_type"])
      .where("org_id", "=", orgId)
      .where("ref", "=", "E-1")
      .executeTakeFirstOrThrow();
    expect(evidence).toEqual({
      file_sha256: createHash("sha256").update(driftHtmlFixture).digest("hex"),
      file_media_type: "text/html",
    });
  });

  it("uploads what aims drift report wrote, as a second report with its own evidence", async () => {
    const rows = (shift: number) =>
      [
        "amount,channel",
        ...Array.from({ length: 200 }, (_, i) => `${(i % 50) + shift},${i % 2 ? "web" : "phone"}`),
      ].join("\n");
    await writeFile(join(dir, "reference.csv"), `${rows(0)}\n`);
    await writeFile(join(dir, "current.csv"), `${rows(30)}\n`);
    const out = join(dir, "made");
    const made = await runCli(
      [
        "drift",
        "report",
        "--reference",
        join(dir, "reference.csv"),
        "--current",
        join(dir, "current.csv"),
        "--out",
        out,
      ],
      {},
    );
    expect(made.code, made.stderr).toBe(0);
    const result = await runCli(["drift", "upload", "--system", "credit-model", "--report", out], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("Recorded drift report DR-2 of credit-model: 1 of 2 columns drifted; evidence E-2.\n");
  });

  it("names the field of a summary that is not a drift report, and sends nothing", async () => {
    const out = await reportDir("bad", { ...driftReportFixture(["age"]), format: "something/2" }, driftHtmlFixture);
    const result = await runCli(["drift", "upload", "--system", "credit-model", "--report", out], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("format:");
    expect(result.stderr).toContain("nothing was sent");
  });

  it("asks for the HTML report when the directory has none", async () => {
    const out = await reportDir("no-html", driftReportFixture(["age"]), null);
    const result = await runCli(["drift", "upload", "--system", "credit-model", "--report", out], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("drift-report.html");
  });

  it("is refused with a read token and for an unknown system", async () => {
    const out = await reportDir("again", driftReportFixture(["age"]), driftHtmlFixture);
    const read = await runCli(["drift", "upload", "--system", "credit-model", "--report", out], env(readToken));
    expect(read.code).toBe(5);
    const unknown = await runCli(["drift", "upload", "--system", "nobody", "--report", out], env());
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain("nobody");
  });
});
