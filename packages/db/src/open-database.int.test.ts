import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirLockedError } from "./data-dir-lock.js";
import { migrate, pendingMigrations } from "./migrate.js";
import { migrations } from "./migrations/index.js";
import { openDatabase } from "./open-database.js";
import { openTestDatabase } from "./testing/test-database.js";

describe("database", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("migrates from empty once, and a second run finds nothing to do", async () => {
    const database = await openTestDatabase({ empty: true });
    try {
      expect(await database.withSession(pendingMigrations)).toEqual(migrations.map((m) => m.id));
      const first = await database.withSession(migrate);
      expect(first).toEqual({ applied: migrations.map((m) => m.id), alreadyApplied: 0 });
      expect(await database.withSession(pendingMigrations)).toEqual([]);
      const again = await database.withSession(migrate);
      expect(again).toEqual({ applied: [], alreadyApplied: migrations.length });
    } finally {
      await database.close();
    }
  });

  it("refuses audit entry updates and deletes", async () => {
    const database = await openTestDatabase();
    try {
      await expect(sql`delete from audit_entries`.execute(database.db)).rejects.toThrow(/append-only/);
    } finally {
      await database.close();
    }
  });

  it("lets one process own a PGlite data directory and tells the next one clearly", async () => {
    const dir = await mkdtemp(join(tmpdir(), "aims-lock-"));
    dirs.push(dir);
    const first = await openDatabase({ dataDir: dir });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by another OpenAIMS process \(pid \d+\)/);
    } finally {
      await first.close();
    }
    const second = await openDatabase({ dataDir: dir });
    await second.close();
  });

  it("keeps data in the data directory across restarts", async () => {
    const dir = await mkdtemp(join(tmpdir(), "aims-data-"));
    dirs.push(dir);
    const first = await openDatabase({ dataDir: dir });
    await first.withSession(migrate);
    await first.db
      .insertInto("instance_settings")
      .values({ key: "k", value: JSON.stringify({ a: 1 }) })
      .execute();
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    const row = await second.db.selectFrom("instance_settings").selectAll().executeTakeFirstOrThrow();
    expect(row.value).toEqual({ a: 1 });
    await second.close();
  });

  it("serialises concurrent transactions on the embedded engine", async () => {
    const database = await openTestDatabase();
    try {
      await database.db.insertInto("instance_settings").values({ key: "n", value: "0" }).execute();
      await Promise.all(
        Array.from({ length: 20 }, () =>
          database.db.transaction().execute(async (tx) => {
            const row = await tx
              .selectFrom("instance_settings")
              .select("value")
              .where("key", "=", "n")
              .forUpdate()
              .executeTakeFirstOrThrow();
            await tx
              .updateTable("instance_settings")
              .set({ value: JSON.stringify(Number(row.value) + 1) })
              .where("key", "=", "n")
              .execute();
          }),
        ),
      );
      const row = await database.db
        .selectFrom("instance_settings")
        .select("value")
        .where("key", "=", "n")
        .executeTakeFirstOrThrow();
      expect(row.value).toBe(20);
    } finally {
      await database.close();
    }
  });
});
