import { randomUUID } from "node:crypto";
import { type AimsDatabase, migrations, openDatabase } from "@openaims/db";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TARGET = "0015-change-control";

describe(`migration ${TARGET}`, () => {
  let database: AimsDatabase;
  const orgId = randomUUID();
  const riskId = randomUUID();

  beforeAll(async () => {
    database = await openDatabase({});
    const index = migrations.findIndex((m) => m.id === TARGET);
    expect(index).toBeGreaterThan(0);
    await database.withSession(async (session) => {
      for (const migration of migrations.slice(0, index)) await session.exec(migration.sql);
    });
    const { db } = database;
    await sql`insert into organizations (id, slug, name) values (${orgId}, 'acme', 'Acme')`.execute(db);
    await sql`insert into risks (id, org_id, ref, title, description, status, rating_rank, created_at, updated_at, version)
      values (${riskId}, ${orgId}, 'R-1', 'Leaks data', 'As assessed last year', 'assessed', 2,
              '2025-01-02T03:04:05.678Z', '2025-06-07T08:09:10.111Z', 4)`.execute(db);
    await database.withSession((session) => session.exec(migrations[index]?.sql as string));
  });
  afterAll(async () => {
    await database?.close();
  });

  it("keeps every risk as it was, counting its last change as its last review, with no re-review asked", async () => {
    const row = await database.db
      .selectFrom("risks")
      .select([
        "id",
        "ref",
        "title",
        "description",
        "status",
        "version",
        "updated_at",
        "reviewed_at",
        "rereview_requested_at",
      ])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      id: riskId,
      ref: "R-1",
      title: "Leaks data",
      description: "As assessed last year",
      status: "assessed",
      version: 4,
      updated_at: new Date("2025-06-07T08:09:10.111Z"),
      reviewed_at: new Date("2025-06-07T08:09:10.111Z"),
      rereview_requested_at: null,
    });
    const changes = await database.db.selectFrom("system_changes").selectAll().execute();
    expect(changes).toEqual([]);
  });
});
