import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { FileBlobStore } from "@openaims/db";
import { create, extract } from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupTables } from "./backup/backup-format.js";
import { type CliTarget, createCliTarget, openTargetDatabase, runCli, usesPostgres } from "./testing/run-cli.js";

const PASSWORD = "correct horse battery staple";

async function rowCounts(target: CliTarget): Promise<Record<string, number>> {
  const database = await openTargetDatabase(target);
  try {
    return await database.withSession(async (session) => {
      const counts: Record<string, number> = {};
      for (const { name } of backupTables) {
        const [row] = await session.query<{ n: number }>(`select count(*)::int as n from ${name}`);
        counts[name] = row?.n ?? -1;
      }
      return counts;
    });
  } finally {
    await database.close();
  }
}

describe("aims backup and restore", () => {
  let source: CliTarget;
  let restored: CliTarget;
  let backupFile: string;
  let blob: { sha256: string; size: number };
  beforeAll(async () => {
    [source, restored] = await Promise.all([createCliTarget(), createCliTarget()]);
    expect(
      (await source.cli(["init", "--org", "Acme AI", "--email", "owner@example.com"], { AIMS_INIT_PASSWORD: PASSWORD }))
        .code,
    ).toBe(0);
    expect(
      (await source.cli(["token", "create", "--email", "owner@example.com", "--scope", "read", "--no-expiry"])).code,
    ).toBe(0);
    blob = await new FileBlobStore(join(source.dataDir, "blobs")).put(Buffer.from("model card: fraud-detector v3\n"));
    backupFile = join(source.dataDir, "backup.tar.gz");
    const backup = await source.cli(["backup", "--out", backupFile]);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
  });
  afterAll(async () => {
    await Promise.all([source.dispose(), restored.dispose()]);
  });

  it("restores every row and file into an empty database, with an intact audit trail", async () => {
    const result = await restored.cli(["restore", backupFile]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const [before, after] = await Promise.all([rowCounts(source), rowCounts(restored)]);
    expect(after).toEqual(before);
    expect(before).toMatchObject({
      organizations: 1,
      users: 1,
      memberships: 1,
      api_tokens: 1,
      // organisation, owner, token, and the defaults every organisation starts with (risk method, controls)
      audit_entries: 5,
      audit_heads: 1,
      controls: 38,
      risk_methods: 1,
    });
    expect(await new FileBlobStore(join(restored.dataDir, "blobs")).has(blob.sha256)).toBe(true);
    const verify = await restored.cli(["audit", "verify", "--json"]);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, organizations: [{ entriesChecked: 5 }] });
    const users = JSON.parse((await restored.cli(["user", "list", "--json"])).stdout) as Array<{ email: string }>;
    expect(users.map((u) => u.email)).toEqual(["owner@example.com"]);
  });

  it("refuses to restore over existing data unless forced", async () => {
    const refused = await source.cli(["restore", backupFile]);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toMatch(/already holds data .* --force/);
    expect((await source.cli(["token", "create", "--email", "owner@example.com", "--scope", "write"])).code).toBe(0);
    const forced = await source.cli(["restore", backupFile, "--force"]);
    expect(forced.code).toBe(0);
    expect((await rowCounts(source)).api_tokens).toBe(1);
    expect((await source.cli(["audit", "verify"])).code).toBe(0);
  });

  it("refuses a damaged backup before touching the database", async () => {
    const unpacked = join(source.dataDir, "unpacked");
    await mkdir(unpacked);
    await extract({ file: backupFile, cwd: unpacked });
    const users = join(unpacked, "tables/users.jsonl");
    await writeFile(users, (await readFile(users, "utf8")).replace("owner@example.com", "intruder@example.com"));
    const damaged = join(source.dataDir, "damaged.tar.gz");
    await create({ gzip: true, file: damaged, cwd: unpacked }, ["manifest.json", "tables", "blobs"]);
    const result = await restored.cli(["restore", damaged, "--force"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tables\/users\.jsonl does not match its recorded SHA-256/);
    const notABackup = await restored.cli(["restore", users]);
    expect(notABackup.code).toBe(2);
    expect((await restored.cli(["audit", "verify"])).code).toBe(0);
  });

  it("will not overwrite an existing archive without --force", async () => {
    const again = await source.cli(["backup", "--out", backupFile]);
    expect(again.code).toBe(5);
  });

  it.runIf(usesPostgres)("moves data from the embedded database to PostgreSQL and back", async () => {
    const postgres = await createCliTarget();
    const embedded =
      (dir: string) =>
      (args: string[], env: NodeJS.ProcessEnv = {}) =>
        runCli([...args, "--data-dir", join(postgres.dataDir, dir)], env);
    const first = embedded("first");
    const second = embedded("second");
    const toPostgres = join(postgres.dataDir, "from-embedded.tar.gz");
    const fromPostgres = join(postgres.dataDir, "from-postgres.tar.gz");
    try {
      expect(
        (await first(["init", "--org", "Local", "--email", "local@example.com"], { AIMS_INIT_PASSWORD: PASSWORD }))
          .code,
      ).toBe(0);
      expect((await first(["backup", "--out", toPostgres])).code).toBe(0);
      expect((await postgres.cli(["restore", toPostgres])).code).toBe(0);
      expect((await postgres.cli(["audit", "verify"])).code).toBe(0);
      expect((await postgres.cli(["backup", "--out", fromPostgres])).code).toBe(0);
      expect((await second(["restore", fromPostgres])).code).toBe(0);
      const verified = await second(["audit", "verify", "--json"]);
      expect(verified.code).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, organizations: [{ entriesChecked: 4 }] });
      const users = JSON.parse((await second(["user", "list", "--json"])).stdout) as Array<{ email: string }>;
      expect(users.map((u) => u.email)).toEqual(["local@example.com"]);
    } finally {
      await postgres.dispose();
    }
  });
});
