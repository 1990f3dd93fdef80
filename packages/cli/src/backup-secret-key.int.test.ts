import { randomUUID } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { createSecretBox, findServerSecretKey, loadServerSecretKey } from "@openaims/server";
import { list } from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliTarget, createCliTarget, openTargetDatabase, runCli } from "./testing/run-cli.js";

const CLIENT_SECRET = "idp-client-secret-in-a-backup";

async function archiveEntries(file: string): Promise<string[]> {
  const entries: string[] = [];
  await list({ file, onReadEntry: (entry) => entries.push(entry.path) });
  return entries;
}

/** The key a server on this target would use; generated into its data directory when it has none. */
const keyOf = (target: CliTarget) =>
  loadServerSecretKey({ secretKey: undefined, dataDir: target.dataDir, databaseUrl: undefined }).key;

describe("aims backup and restore with sealed secrets", () => {
  let source: CliTarget;
  let plainBackup: string;
  let keyBackup: string;
  let sourceKeyId: string;
  let orgSlug: string;
  const targets: CliTarget[] = [];
  const newTarget = async () => {
    const target = await createCliTarget();
    targets.push(target);
    return target;
  };

  beforeAll(async () => {
    source = await newTarget();
    const init = await source.cli(["init", "--org", "Acme AI", "--email", "owner@example.com", "--json"], {
      AIMS_INIT_PASSWORD: "correct horse battery staple",
    });
    expect(init.code, init.stderr).toBe(0);
    const orgId = JSON.parse(init.stdout).orgId as string;
    const box = createSecretBox(keyOf(source));
    sourceKeyId = box.keyId;
    const database = await openTargetDatabase(source);
    try {
      await database.db
        .insertInto("sso_configs")
        .values({
          org_id: orgId,
          enabled: true,
          issuer: "https://idp.example",
          client_id: `openaims-${randomUUID().slice(0, 4)}`,
          client_secret: box.seal(orgId, CLIENT_SECRET),
          allowed_domains: ["acme.example"],
          default_role: "contributor",
        })
        .execute();
      orgSlug = (
        await database.db.selectFrom("organizations").select("slug").where("id", "=", orgId).executeTakeFirstOrThrow()
      ).slug;
    } finally {
      await database.close();
    }
    plainBackup = join(source.dataDir, "plain.tar.gz");
    keyBackup = join(source.dataDir, "with-key.tar.gz");
    expect((await source.cli(["backup", "--out", plainBackup])).code).toBe(0);
    const withKey = await source.cli(["backup", "--out", keyBackup, "--include-secret-key"]);
    expect(withKey.stderr).toBe("");
    expect(withKey.code).toBe(0);
  });
  afterAll(async () => {
    await Promise.all(targets.map((t) => t.dispose()));
  });

  it("leaves the key out unless asked, and says so in --help", async () => {
    const help = await runCli(["backup", "--help"]);
    expect(help.stdout).toMatch(/--include-secret-key\s+also store the server's secret key/);
    const plain = await archiveEntries(plainBackup);
    expect(plain).not.toContain("secret.key");
    expect(await readFile(plainBackup)).not.toContain(CLIENT_SECRET);
    const withKey = await archiveEntries(keyBackup);
    expect(withKey).toContain("secret.key");
    expect((await stat(keyBackup)).mode & 0o077).toBe(0);
  });

  it("names the secrets a server with another key cannot read after a restore", async () => {
    const target = await newTarget();
    const otherKeyId = createSecretBox(keyOf(target)).keyId;
    const restored = await target.cli(["restore", plainBackup]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toContain(
      `the single sign-on client secret of organisation '${orgSlug}' was sealed with key ${sourceKeyId}, but this server's key is ${otherKeyId}`,
    );
    expect(restored.stderr).not.toContain(CLIENT_SECRET);
  });

  it("installs the backup's key into a data directory without one, and then every secret reads", async () => {
    const target = await newTarget();
    const restored = await target.cli(["restore", keyBackup]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toBe("");
    expect(restored.stdout).toContain(`Installed the backup's secret key ${sourceKeyId}`);
    const installed = findServerSecretKey({ secretKey: undefined, dataDir: target.dataDir });
    expect(installed?.key).toEqual(keyOf(source));
    expect((await stat(join(target.dataDir, "secret.key"))).mode & 0o077).toBe(0);
  });

  it("keeps a data directory's own key, and says which secrets it cannot read", async () => {
    const target = await newTarget();
    const ownKey = keyOf(target);
    const restored = await target.cli(["restore", keyBackup]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toContain("kept this server's own key");
    expect(restored.stderr).toContain(`organisation '${orgSlug}' was sealed with key ${sourceKeyId}`);
    expect(keyOf(target)).toEqual(ownKey);
  });

  it("reads the secrets with AIMS_SECRET_KEY when it holds the backup's key", async () => {
    const target = await newTarget();
    const restored = await target.cli(["restore", plainBackup], {
      AIMS_SECRET_KEY: keyOf(source).toString("base64"),
    });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toBe("");
  });
});
