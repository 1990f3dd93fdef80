import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AimsDatabase } from "@openaims/db";
import type { RunningServer } from "@openaims/server";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRemoteTarget } from "./testing/remote-target.js";
import { type CliTarget, runCli } from "./testing/run-cli.js";

describe("aims export soa", () => {
  let target: CliTarget;
  let database: AimsDatabase;
  let server: RunningServer;
  let outDir: string;
  let readToken: string;
  let writeToken: string;
  let orgId: string;

  beforeAll(async () => {
    ({ target, database, server, orgId, readToken, writeToken } = await startRemoteTarget("Export Co"));
    outDir = await mkdtemp(join(tmpdir(), "aims-export-"));
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await target?.dispose();
    await rm(outDir, { recursive: true, force: true });
  });

  /** The content hash the server sends with the same export through the API. */
  const serverHash = async (query: string) => {
    const response = await fetch(`${server.url}/api/v1/orgs/${orgId}/soa/export?${query}`, {
      headers: { authorization: `Bearer ${readToken}` },
    });
    expect(response.status).toBe(200);
    return response.headers.get("x-content-sha256");
  };
  const printedHash = (stdout: string) => stdout.match(/Content SHA-256: ([0-9a-f]{64})\n/)?.[1];

  const exportSoa = (args: string[], env: NodeJS.ProcessEnv = { AIMS_URL: server.url, AIMS_TOKEN: readToken }) =>
    runCli(["export", "soa", ...args], env);

  it("writes the current draft as CSV and prints the content hash", async () => {
    const out = join(outDir, "draft.csv");
    const result = await exportSoa(["--format", "csv", "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const hash = printedHash(result.stdout);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(await serverHash("format=csv"));
    // The hash is of the content, not the file: the same draft as PDF has the same one.
    expect(hash).toBe(await serverHash("format=pdf"));
    const records: string[][] = parse(await readFile(out, "utf8"));
    expect(records).toHaveLength(39);
    expect(records[0]?.slice(0, 4)).toEqual(["Control", "Title", "Area", "Applicable"]);
    expect(records[1]?.slice(0, 4)).toEqual(["A.2.2", "AI policy", "A.2 Policies related to AI", "Undecided"]);
  });

  it("writes an approved version as XLSX with --version", async () => {
    const firstDraftHash = printedHash(
      (await exportSoa(["--format", "csv", "--out", join(outDir, "before.csv")])).stdout,
    );
    await database.db
      .updateTable("controls")
      .set({ applicable: true, justification: "Applies to all our AI systems." })
      .where("org_id", "=", orgId)
      .execute();
    const headers = { authorization: `Bearer ${writeToken}`, "content-type": "application/json" };
    const draft = (await (await fetch(`${server.url}/api/v1/orgs/${orgId}/soa`, { headers })).json()) as {
      contentHash: string;
    };
    const approved = await fetch(`${server.url}/api/v1/orgs/${orgId}/soa/approve`, {
      method: "POST",
      headers,
      body: JSON.stringify({ contentHash: draft.contentHash }),
    });
    expect(approved.status).toBe(201);

    const out = join(outDir, "v1.xlsx");
    const result = await exportSoa(["--format", "xlsx", "--out", out, "--version", "1"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("version 1");
    const hash = printedHash(result.stdout);
    expect(hash).toBe(await serverHash("format=xlsx&version=1"));
    // Approving changed the content (every control now applies), so the draft's old hash must not match.
    expect(hash).not.toBe(firstDraftHash);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.getCell("D2").value).toBe("Yes");
    expect(workbook.worksheets[0]?.rowCount).toBe(39);
    const facts = new Map<string, unknown>();
    workbook.getWorksheet("About")?.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(facts.get("Version")).toBe("v1");
    expect(facts.get("Organisation")).toBe("Export Co");
  });

  it("exits with the documented codes when something is wrong", async () => {
    const out = join(outDir, "never.pdf");
    expect((await exportSoa(["--format", "pdf", "--out", out, "--version", "9"])).code).toBe(4);
    const badVersion = await exportSoa(["--format", "pdf", "--out", out, "--version", "latest"]);
    expect(badVersion.code).toBe(2);
    expect(badVersion.stderr).toContain("--version");
    const noEnv = await exportSoa(["--format", "pdf", "--out", out], {});
    expect(noEnv.code).toBe(2);
    expect(noEnv.stderr).toContain("AIMS_URL");
    const badToken = await exportSoa(["--format", "pdf", "--out", out], {
      AIMS_URL: server.url,
      AIMS_TOKEN: "aims_pat_not-a-token",
    });
    expect(badToken.code).toBe(2);
    expect(badToken.stderr).toContain("refused AIMS_TOKEN");
    const down = await exportSoa(["--format", "pdf", "--out", out], {
      AIMS_URL: "http://127.0.0.1:9",
      AIMS_TOKEN: readToken,
    });
    expect(down.code).toBe(3);
    await expect(readFile(out)).rejects.toThrow();
  });
});
