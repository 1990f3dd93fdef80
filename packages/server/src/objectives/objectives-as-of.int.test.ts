import { randomUUID } from "node:crypto";
import { checkObservationBatch } from "@openaims/core";
import { openTestDatabase } from "@openaims/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenOrg } from "../competence/as-of-test-fixtures.js";
import { givenSystem } from "../evidence/evidence-test-fixtures.js";
import { insertObservations } from "../monitoring/push-observations.js";
import { objectivesAsOf } from "./objectives-as-of.js";

describe("objectivesAsOf", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let orgId: string;
  const metricId = randomUUID();
  const start = new Date(Date.now() - 40 * 24 * 60 * 60_000);
  const daysAfterStart = (days: number) => new Date(start.getTime() + days * 24 * 60 * 60_000);
  const due = daysAfterStart(100).toISOString().slice(0, 10);

  beforeAll(async () => {
    database = await openTestDatabase();
    const db = database.db;
    orgId = await givenOrg(db, "Objectives");
    const systemId = await givenSystem(db, orgId, "support-bot");
    await sql`insert into metrics (id, org_id, system_id, name, direction)
      values (${metricId}, ${orgId}, ${systemId}, 'error_rate', 'lower_is_better')`.execute(db);
    // Through the monitoring module's own batch check and insert, as a push stores them.
    const batch = checkObservationBatch(
      [
        { metric: "error_rate", value: 8, at: daysAfterStart(5).toISOString() },
        { metric: "error_rate", value: 3, at: daysAfterStart(30).toISOString() },
      ],
      new Map([["error_rate", metricId]]),
      new Date(),
    );
    if (!batch.ok) throw new Error(JSON.stringify(batch.problems));
    await insertObservations(db, batch.observations);
    const base = { org_id: orgId, created_at: start, unit: "%", due_date: due };
    const manualId = randomUUID();
    await db
      .insertInto("objectives")
      .values([
        {
          ...base,
          id: manualId,
          ref: "OBJ-1",
          title: "Train every reviewer",
          measure_kind: "manual",
          measure: "Share of reviewers trained",
          baseline: 0,
          target: 100,
          direction: "increase",
        },
        {
          ...base,
          id: randomUUID(),
          ref: "OBJ-2",
          // A moment after OBJ-1, so the order of the answer (creation, then id) is fixed.
          created_at: new Date(start.getTime() + 1000),
          title: "Lower the error rate",
          measure_kind: "metric",
          metric_id: metricId,
          baseline: 10,
          target: 4,
          direction: "decrease",
        },
      ])
      .execute();
    await db
      .insertInto("objective_progress")
      .values([
        {
          id: randomUUID(),
          org_id: orgId,
          objective_id: manualId,
          recorded_at: daysAfterStart(10),
          value: 20,
          source: "manual",
        },
        {
          id: randomUUID(),
          org_id: orgId,
          objective_id: manualId,
          recorded_at: daysAfterStart(35),
          value: 60,
          source: "manual",
        },
      ])
      .execute();
  });
  afterAll(() => database.close());

  it("reads hand readings and metric observations at or before the date, so two dates differ", async () => {
    const early = await objectivesAsOf(database.db, orgId, daysAfterStart(12));
    expect(early.map((o) => [o.ref, o.current?.value, o.progressPercent, o.state])).toEqual([
      ["OBJ-1", 20, 20, "on_track"],
      ["OBJ-2", 8, 33.3, "on_track"],
    ]);
    expect(early[1]?.metric).toEqual({ id: metricId, name: "error_rate" });

    const later = await objectivesAsOf(database.db, orgId, daysAfterStart(36));
    expect(later.map((o) => [o.ref, o.current?.value, o.progressPercent, o.state])).toEqual([
      ["OBJ-1", 60, 60, "on_track"],
      ["OBJ-2", 3, 100, "achieved"],
    ]);
  });

  it("knows nothing of objectives created after the date, and marks an unmet one missed after its due date", async () => {
    expect(await objectivesAsOf(database.db, orgId, daysAfterStart(-1))).toEqual([]);
    const afterDue = await objectivesAsOf(database.db, orgId, daysAfterStart(120));
    expect(afterDue.map((o) => [o.ref, o.state])).toEqual([
      ["OBJ-1", "missed"],
      ["OBJ-2", "achieved"],
    ]);
  });
});
