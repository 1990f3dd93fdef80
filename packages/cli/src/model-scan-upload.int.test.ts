import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AimsDatabase } from "@openaims/db";
import type { RunningServer } from "@openaims/server";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRemoteTarget } from "./testing/remote-target.js";
import { type CliTarget, runCli } from "./testing/run-cli.js";

/** `aims model scan --upload`: the report recorded for an asset and system, with the signature checked on the way. */
describe("aims model scan --upload", () => {
  let target: CliTarget;
  let database: AimsDatabase;
  let server: RunningServer;
  let work: string;
  let writeToken: string;
  let orgId: string;

  beforeAll(async () => {
    ({ target, database, server, orgId, writeToken } = await startRemoteTarget("Model Co"));
    await sql`insert into ai_systems (id, org_id, slug, name, our_role, lifecycle_stage, impact_tier, autonomy)
      values (${randomUUID()}, ${orgId}, 'credit-model', 'Credit model', 'provider', 'operation', 'low', 'advisory')`.execute(
      database.db,
    );
    const asset = await fetch(`${server.url}/api/v1/orgs/${orgId}/assets`, {
      method: "POST",
      headers: { authorization: `Bearer ${writeToken}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "credit-scorer", kind: "model" }),
    });
    expect(asset.status).toBe(201);
    work = await mkdtemp(join(tmpdir(), "aims-model-scan-upload-"));
    await mkdir(join(work, "model"));
    await writeFile(join(work, "model", "config.json"), '{"architectures": ["Tiny"]}');
    // A protocol-0 pickle written opcode by opcode: GLOBAL os.system, MARK, STRING, TUPLE, REDUCE, STOP.
    await writeFile(join(work, "model", "training_args.bin"), Buffer.from("cos\nsystem\n(S'id'\ntR.", "latin1"));
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    await writeFile(join(work, "signer.key"), privateKey.export({ type: "pkcs8", format: "pem" }));
    await writeFile(join(work, "signer.pub"), publicKey.export({ type: "spki", format: "pem" }));
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await target?.dispose();
    await rm(work, { recursive: true, force: true });
  });

  const env = () => ({ AIMS_URL: server.url, AIMS_TOKEN: writeToken });
  const aims = (args: string[]) => runCli(["model", ...args], env(), { cwd: work });

  it("records the scan with its verified signature, once, and still fails on the finding", async () => {
    const signed = await aims(["sign", "model", "--key", "signer.key", "--out", "model.sig"]);
    expect(signed.code, signed.stderr).toBe(0);
    const args = ["scan", "model", "--upload", "--asset", "credit-scorer", "--system", "credit-model"];
    const withSignature = [...args, "--signature", "model.sig", "--key", "signer.pub", "--fail-on", "high"];
    const first = await aims(withSignature);
    expect(first.code, first.stderr).toBe(1);
    expect(first.stdout).toContain(`Recorded model scan MS-1 of credit-scorer on ${server.url}: unsafe; evidence E-1.`);
    const row = await database.db
      .selectFrom("model_scans")
      .select(["signature_status", "origin", "highest_severity"])
      .where("org_id", "=", orgId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ signature_status: "verified", origin: "cli", highest_severity: "critical" });

    const again = await aims(withSignature);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(
      "This report was already recorded as model scan MS-1 of credit-scorer; evidence E-1.",
    );
  });

  it("keeps a JSON report on standard output parseable and speaks of the upload on standard error", async () => {
    await writeFile(join(work, "model", "README.md"), "# Tiny\n");
    const result = await aims(["scan", "model", "--format", "json", "--upload", "--asset", "credit-scorer"]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).format).toBe("openaims-model-scan");
    expect(result.stderr).toContain("Recorded model scan MS-2 of credit-scorer");
  });

  it("refuses recording flags without --upload, --upload without an asset, and an unknown asset", async () => {
    const stray = await aims(["scan", "model", "--asset", "credit-scorer"]);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain("--asset only apply with --upload");
    const noAsset = await aims(["scan", "model", "--upload"]);
    expect(noAsset.code).toBe(2);
    expect(noAsset.stderr).toContain("--upload needs --asset");
    const unknown = await aims(["scan", "model", "--upload", "--asset", "nobody"]);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain("'nobody' was not found");
  });
});
