import { randomUUID } from "node:crypto";
import { annexAControls } from "@openaims/core";
import { migrations } from "@openaims/db";
import { openTestDatabase } from "@openaims/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** The statement of migration 0004 that gives organisations created before it their Annex A controls. */
function seedStatement(): string {
  const migration = migrations.find((m) => m.id === "0004-controls");
  const start = migration?.sql.indexOf("insert into controls") ?? -1;
  if (!migration || start < 0) throw new Error("0004-controls has no seed statement");
  return migration.sql.slice(start);
}

describe("migration 0004 seeds organisations that already existed", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("gives them the same 38 controls and titles as a new organisation gets", async () => {
    const orgId = randomUUID();
    await database.db.insertInto("organizations").values({ id: orgId, slug: "older", name: "Older Org" }).execute();
    await sql.raw(seedStatement()).execute(database.db);
    // Running it again (as for an organisation that already has them) adds nothing.
    await sql.raw(seedStatement()).execute(database.db);
    const rows = await database.db
      .selectFrom("controls")
      .select(["ref", "title", "kind", "area_id", "position", "applicable"])
      .where("org_id", "=", orgId)
      .orderBy("position")
      .execute();
    // Freshness periods are frozen in the migration; the catalogue's suggestions may move on later.
    const freshness = await database.db
      .selectFrom("controls")
      .select("evidence_freshness_days")
      .where("org_id", "=", orgId)
      .execute();
    expect(
      freshness.every((r) => (r.evidence_freshness_days ?? 0) >= 30 && (r.evidence_freshness_days ?? 0) <= 365),
    ).toBe(true);
    expect(rows).toEqual(
      annexAControls.map((control, index) => ({
        ref: control.id,
        title: control.title,
        kind: "annex_a",
        area_id: control.areaId,
        position: index + 1,
        applicable: null,
      })),
    );
  });
});
