import {
  type CorrectiveActionStatus,
  type EffectivenessResult,
  type NonconformitiesSection,
  type NonconformitySeverity,
  type NonconformitySource,
  type NonconformityStatus,
  nonconformitySeverities,
  nonconformityStatuses,
  PACK_LIST_LIMIT,
} from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { bounded, countsOf, inPeriod, memberRef, type PackPeriod, sectionHeader } from "./pack-period.js";

/**
 * 9.3.2 d: nonconformities and corrective action. A nonconformity's status is kept only as it is now,
 * with the time it closed: one closed after asOf counts as awaiting its check at asOf (the status it
 * had just before closing), and any other keeps its current status — so "as of" is exact for
 * closed/not closed and approximate for the steps before. Corrective actions likewise show their
 * current status, except one finished after asOf, which shows as in progress.
 */
export async function nonconformitiesSection(
  db: Kysely<Database>,
  period: PackPeriod,
): Promise<NonconformitiesSection> {
  const { orgId, asOf, day } = period;
  const closedByAsOf = sql<boolean>`(nc.closed_at is not null and nc.closed_at <= ${asOf})`;
  const statusAsOf = sql<string>`case when ${closedByAsOf} then 'closed' when nc.status = 'closed' then 'awaiting_check' else nc.status end`;
  const raised = db
    .selectFrom("nonconformities as nc")
    .where("nc.org_id", "=", orgId)
    .where("nc.created_at", "<=", asOf)
    .where((eb) => eb.or([eb("nc.archived_at", "is", null), eb("nc.archived_at", ">", asOf)]));
  const open = raised.where(sql<boolean>`not ${closedByAsOf}`);
  const actionDone = sql<boolean>`(a.status = 'done' and a.done_at <= ${asOf})`;
  const [groups, period_, openRows, overdueActions, checkCounts, checkRows] = await Promise.all([
    db
      .selectFrom(raised.select([statusAsOf.as("status"), "nc.severity"]).as("k"))
      .select(["k.status", "k.severity", sql<number>`count(*)::int`.as("count")])
      .groupBy(["k.status", "k.severity"])
      .execute(),
    raised
      .select([
        sql<number>`(count(*) filter (where ${inPeriod(period, "nc.created_at")}))::int`.as("opened"),
        sql<number>`(count(*) filter (where ${inPeriod(period, "nc.closed_at")}))::int`.as("closed"),
      ])
      .executeTakeFirstOrThrow(),
    open
      .leftJoin("ai_systems as s", "s.id", "nc.system_id")
      .select([
        "nc.id",
        "nc.ref",
        "nc.title",
        "nc.severity",
        "nc.source",
        "nc.created_at",
        "s.id as system_id",
        "s.name as system_name",
      ])
      .select(statusAsOf.as("status"))
      .orderBy(sql`nc.severity = 'major'`, "desc")
      .orderBy("nc.created_at")
      .orderBy("nc.id")
      .limit(PACK_LIST_LIMIT)
      .execute(),
    open
      .innerJoin("corrective_actions as a", "a.nonconformity_id", "nc.id")
      .select(sql<number>`count(*)::int`.as("count"))
      .where("a.created_at", "<=", asOf)
      .where("a.status", "<>", "cancelled")
      .where(sql<boolean>`not ${actionDone}`)
      .where("a.due_date", "<", day)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("effectiveness_checks as c")
      .select(["c.result as key", sql<number>`count(*)::int`.as("count")])
      .where("c.org_id", "=", orgId)
      .where(inPeriod(period, "c.created_at"))
      .groupBy("c.result")
      .execute(),
    db
      .selectFrom("effectiveness_checks as c")
      .innerJoin("nonconformities as nc", "nc.id", "c.nonconformity_id")
      .select(["nc.id", "nc.ref", "nc.title", "c.checked_on", "c.result", "c.method"])
      .where("c.org_id", "=", orgId)
      .where(inPeriod(period, "c.created_at"))
      .orderBy("c.created_at", "desc")
      .limit(PACK_LIST_LIMIT + 1)
      .execute(),
  ]);
  const actions = await actionsOf(
    db,
    period,
    openRows.map((row) => row.id),
  );
  const byStatus = countsOf(
    nonconformityStatuses,
    groups.map((row) => ({ key: row.status, count: row.count })),
  );
  const bySeverity = countsOf(
    nonconformitySeverities,
    groups.map((row) => ({ key: row.severity, count: row.count })),
  );
  const openTotal = Object.entries(byStatus).reduce((sum, [status, n]) => (status === "closed" ? sum : sum + n), 0);
  const checks = countsOf(["effective", "not_effective"], checkCounts);
  return {
    ...sectionHeader("nonconformities", period),
    byStatus,
    bySeverity,
    openedInPeriod: period_.opened,
    closedInPeriod: period_.closed,
    open: bounded(
      openRows.map((row) => ({
        id: row.id,
        ref: row.ref,
        title: row.title,
        severity: row.severity as NonconformitySeverity,
        status: row.status as NonconformityStatus,
        source: row.source as NonconformitySource,
        system: row.system_id && row.system_name ? { id: row.system_id, name: row.system_name } : null,
        raisedAt: row.created_at.toISOString(),
        actions: actions.get(row.id) ?? [],
      })),
      openTotal,
      PACK_LIST_LIMIT,
    ),
    overdueActions: overdueActions.count,
    checks: {
      effective: checks.effective,
      notEffective: checks.not_effective,
      truncated: checkRows.length > PACK_LIST_LIMIT,
      items: checkRows.slice(0, PACK_LIST_LIMIT).map((row) => ({
        nonconformity: { id: row.id, ref: row.ref, title: row.title },
        checkedOn: row.checked_on,
        result: row.result as EffectivenessResult,
        method: row.method,
      })),
    },
  };
}

/** The corrective actions planned by asOf for the listed nonconformities, oldest first. */
async function actionsOf(db: Kysely<Database>, period: PackPeriod, nonconformityIds: string[]) {
  const byNonconformity = new Map<string, NonconformitiesSection["open"]["items"][number]["actions"]>();
  if (nonconformityIds.length === 0) return byNonconformity;
  const rows = await db
    .selectFrom("corrective_actions as a")
    .leftJoin("memberships as m", "m.id", "a.owner_member_id")
    .leftJoin("users as u", "u.id", "m.user_id")
    .select([
      "a.id",
      "a.nonconformity_id",
      "a.title",
      "a.owner_member_id",
      "u.name as owner_name",
      "a.due_date",
      "a.status",
      "a.done_at",
    ])
    .where("a.org_id", "=", period.orgId)
    .where("a.nonconformity_id", "in", nonconformityIds)
    .where("a.created_at", "<=", period.asOf)
    .orderBy("a.created_at")
    .orderBy("a.id")
    .execute();
  for (const row of rows) {
    const finishedLater = row.status === "done" && row.done_at !== null && row.done_at > period.asOf;
    const status = (finishedLater ? "in_progress" : row.status) as CorrectiveActionStatus;
    const list = byNonconformity.get(row.nonconformity_id) ?? [];
    list.push({
      id: row.id,
      title: row.title,
      owner: memberRef(row.owner_member_id, row.owner_name),
      dueDate: row.due_date,
      status,
      overdue: (status === "open" || status === "in_progress") && row.due_date !== null && row.due_date < period.day,
    });
    byNonconformity.set(row.nonconformity_id, list);
  }
  return byNonconformity;
}
