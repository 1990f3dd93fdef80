import {
  type IncidentSeverity,
  type IncidentStatus,
  type IncidentsSection,
  incidentSeverities,
  incidentStatuses,
  PACK_LIST_LIMIT,
} from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { bounded, countsOf, inPeriod, type PackPeriod, sectionHeader } from "./pack-period.js";

/**
 * 9.3.2 d: incidents reported in the period, by severity and by their status at asOf, with the AI
 * systems they affected, and how many of any date were still open at asOf. The status at asOf is
 * exact: every step is on the incident's timeline, read only for incidents changed since asOf. The
 * severity is the current one.
 */
export async function incidentsSection(db: Kysely<Database>, period: PackPeriod): Promise<IncidentsSection> {
  const { orgId, asOf } = period;
  const statusAsOf = sql<string>`case when i.updated_at <= ${asOf} then i.status else coalesce((
      select t.to_status from incident_timeline_entries t
      where t.incident_id = i.id and t.kind = 'status_change' and t.created_at <= ${asOf}
      order by t.created_at desc, t.id desc limit 1), 'reported') end`;
  const known = db
    .selectFrom("incidents as i")
    .where("i.org_id", "=", orgId)
    .where("i.created_at", "<=", asOf)
    .where((eb) => eb.or([eb("i.archived_at", "is", null), eb("i.archived_at", ">", asOf)]));
  const reported = known.where(inPeriod(period, "i.created_at"));
  const severityRank = sql`case i.severity when 'critical' then 4 when 'high' then 3 when 'medium' then 2 else 1 end`;
  const [groups, open, rows] = await Promise.all([
    db
      .selectFrom(reported.select(["i.severity", statusAsOf.as("status")]).as("k"))
      .select(["k.severity", "k.status", sql<number>`count(*)::int`.as("count")])
      .groupBy(["k.severity", "k.status"])
      .execute(),
    db
      .selectFrom(known.select(statusAsOf.as("status")).as("k"))
      .select(sql<number>`count(*)::int`.as("count"))
      .where("k.status", "<>", "closed")
      .executeTakeFirstOrThrow(),
    reported
      .select(["i.id", "i.ref", "i.title", "i.severity", "i.detected_at", statusAsOf.as("status")])
      .orderBy(severityRank, "desc")
      .orderBy("i.detected_at", "desc")
      .orderBy("i.id")
      .limit(PACK_LIST_LIMIT)
      .execute(),
  ]);
  const systems = new Map<string, { id: string; name: string }[]>();
  if (rows.length > 0) {
    const links = await db
      .selectFrom("incident_systems as x")
      .innerJoin("ai_systems as s", "s.id", "x.system_id")
      .select(["x.incident_id", "s.id", "s.name"])
      .where("x.org_id", "=", orgId)
      .where(
        "x.incident_id",
        "in",
        rows.map((row) => row.id),
      )
      .orderBy("s.name")
      .execute();
    for (const link of links)
      systems.set(link.incident_id, [...(systems.get(link.incident_id) ?? []), { id: link.id, name: link.name }]);
  }
  const bySeverity = countsOf(
    incidentSeverities,
    groups.map((row) => ({ key: row.severity, count: row.count })),
  );
  return {
    ...sectionHeader("incidents", period),
    bySeverity,
    byStatus: countsOf(
      incidentStatuses,
      groups.map((row) => ({ key: row.status, count: row.count })),
    ),
    openAtAsOf: open.count,
    incidents: bounded(
      rows.map((row) => ({
        id: row.id,
        ref: row.ref,
        title: row.title,
        severity: row.severity as IncidentSeverity,
        status: row.status as IncidentStatus,
        detectedAt: row.detected_at.toISOString(),
        systems: systems.get(row.id) ?? [],
      })),
      Object.values(bySeverity).reduce((sum, n) => sum + n, 0),
      PACK_LIST_LIMIT,
    ),
  };
}
