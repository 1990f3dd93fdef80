import { randomUUID } from "node:crypto";
import { type AimsDatabase, migrations, openDatabase } from "@openaims/db";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TARGET = "0018-corrective-action";

describe(`migration ${TARGET}`, () => {
  let database: AimsDatabase;
  const orgId = randomUUID();
  const systemId = randomUUID();
  const critical = randomUUID();
  const medium = randomUUID();

  beforeAll(async () => {
    database = await openDatabase({});
    const index = migrations.findIndex((m) => m.id === TARGET);
    expect(index).toBeGreaterThan(0);
    await database.withSession(async (session) => {
      for (const migration of migrations.slice(0, index)) await session.exec(migration.sql);
    });
    // Nonconformities as the red-team module raised them: the finding's severity, status open.
    const { db } = database;
    await sql`insert into organizations (id, slug, name) values (${orgId}, 'acme', 'Acme')`.execute(db);
    await sql`insert into ai_systems (id, org_id, slug, name, our_role, lifecycle_stage, impact_tier, autonomy)
      values (${systemId}, ${orgId}, 'bot', 'Bot', 'provider', 'operation', 'low', 'advisory')`.execute(db);
    await sql`insert into nonconformities (id, org_id, ref, title, description, source, source_id, system_id, severity, created_at)
      values (${critical}, ${orgId}, 'NC-1', 'Prompt injection works', 'Probe PI-001', 'redteam_finding', ${randomUUID()}, ${systemId}, 'critical', '2026-01-02T03:04:05.678Z'),
             (${medium}, ${orgId}, 'NC-2', 'Verbose errors', '', 'redteam_finding', null, null, 'medium', '2026-01-03T00:00:00.000Z')`.execute(
      db,
    );
    await database.withSession((session) => session.exec(migrations[index]?.sql as string));
  });
  afterAll(async () => {
    await database?.close();
  });

  it("keeps every red-team nonconformity with its id and data, and rates it minor or major", async () => {
    const rows = await database.db
      .selectFrom("nonconformities")
      .select([
        "id",
        "ref",
        "title",
        "description",
        "source",
        "system_id",
        "severity",
        "redteam_severity",
        "status",
        "correction",
        "root_cause",
        "root_cause_method",
        "closed_at",
        "created_at",
        "version",
      ])
      .orderBy("ref")
      .execute();
    expect(rows).toEqual([
      {
        id: critical,
        ref: "NC-1",
        title: "Prompt injection works",
        description: "Probe PI-001",
        source: "redteam_finding",
        system_id: systemId,
        severity: "major",
        redteam_severity: "critical",
        status: "open",
        correction: "",
        root_cause: "",
        root_cause_method: null,
        closed_at: null,
        created_at: new Date("2026-01-02T03:04:05.678Z"),
        version: 1,
      },
      {
        id: medium,
        ref: "NC-2",
        title: "Verbose errors",
        description: "",
        source: "redteam_finding",
        system_id: null,
        severity: "minor",
        redteam_severity: "medium",
        status: "open",
        correction: "",
        root_cause: "",
        root_cause_method: null,
        closed_at: null,
        created_at: new Date("2026-01-03T00:00:00.000Z"),
        version: 1,
      },
    ]);
  });
});
