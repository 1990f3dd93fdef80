import type {
  Incident,
  IncidentDetail,
  IncidentLink,
  IncidentLinkKind,
  IncidentSeverity,
  IncidentStatus,
} from "@openaims/contracts";
import { incidentSteps } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, type RawBuilder, sql } from "kysely";
import { notFound } from "../http/app-error.js";

/** Incidents with the name of whoever reported them. */
export function incidentQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("incidents as i")
    .leftJoin("memberships as m", "m.id", "i.reported_by_member_id")
    .leftJoin("users as u", "u.id", "m.user_id")
    .selectAll("i")
    .select("u.name as reported_by_name")
    .where("i.org_id", "=", orgId);
}

export type IncidentRow = Awaited<ReturnType<ReturnType<typeof incidentQuery>["executeTakeFirstOrThrow"]>>;
type SystemsByIncident = Map<string, Incident["systems"]>;

const person = (memberId: string | null, name: string | null) => (memberId && name ? { memberId, name } : null);

/** The affected systems of each of the given incidents. */
export async function systemsOf(
  db: Kysely<Database>,
  orgId: string,
  incidentIds: string[],
): Promise<SystemsByIncident> {
  const bySystem: SystemsByIncident = new Map(incidentIds.map((id) => [id, []]));
  if (incidentIds.length === 0) return bySystem;
  const rows = await db
    .selectFrom("incident_systems as s")
    .innerJoin("ai_systems as sys", "sys.id", "s.system_id")
    .select(["s.incident_id", "sys.id", "sys.slug", "sys.name"])
    .where("s.org_id", "=", orgId)
    .where("s.incident_id", "in", incidentIds)
    .orderBy("sys.name")
    .execute();
  for (const row of rows) bySystem.get(row.incident_id)?.push({ id: row.id, slug: row.slug, name: row.name });
  return bySystem;
}

export function presentIncident(row: IncidentRow, systems: SystemsByIncident): Incident {
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    description: row.description,
    severity: row.severity as IncidentSeverity,
    status: row.status as IncidentStatus,
    detectedAt: row.detected_at.toISOString(),
    occurredAt: row.occurred_at?.toISOString() ?? null,
    rootCause: row.root_cause,
    systems: systems.get(row.id) ?? [],
    reportedBy: person(row.reported_by_member_id, row.reported_by_name),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** The incident row, locked for the rest of the transaction when `lock` is set; 404 when not in this organisation. */
export async function findIncident(db: Kysely<Database>, orgId: string, incidentId: string, lock = false) {
  let query = db.selectFrom("incidents").selectAll().where("org_id", "=", orgId).where("id", "=", incidentId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("Incident", incidentId);
  return row;
}

/** How each kind of linked record names itself: its reference and a title. */
const linkLabels: Record<IncidentLinkKind, (orgId: string, ids: string[]) => RawBuilder<LabelRow>> = {
  risk: (orgId, ids) => sql`select id, ref, title from risks where org_id = ${orgId} and id in (${sql.join(ids)})`,
  change: (orgId, ids) =>
    sql`select id, ref, summary as title from system_changes where org_id = ${orgId} and id in (${sql.join(ids)})`,
  alert: (orgId, ids) =>
    sql`select a.id, a.ref, coalesce(m.name, '') as title from metric_alerts a left join metrics m on m.id = a.metric_id
        where a.org_id = ${orgId} and a.id in (${sql.join(ids)})`,
  nonconformity: (orgId, ids) =>
    sql`select id, ref, title from nonconformities where org_id = ${orgId} and id in (${sql.join(ids)})`,
  corrective_action: (orgId, ids) =>
    sql`select ca.id, n.ref, ca.title from corrective_actions ca join nonconformities n on n.id = ca.nonconformity_id
        where ca.org_id = ${orgId} and ca.id in (${sql.join(ids)})`,
  incident: (orgId, ids) =>
    sql`select id, ref, title from incidents where org_id = ${orgId} and id in (${sql.join(ids)})`,
};
interface LabelRow {
  id: string;
  ref: string;
  title: string;
}

async function linksOf(db: Kysely<Database>, orgId: string, incidentId: string): Promise<IncidentLink[]> {
  const rows = await db
    .selectFrom("incident_links")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("incident_id", "=", incidentId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const labels = new Map<string, LabelRow>();
  const kinds = [...new Set(rows.map((row) => row.kind as IncidentLinkKind))];
  for (const kind of kinds) {
    const ids = rows.filter((row) => row.kind === kind).map((row) => row.target_id);
    const found = await linkLabels[kind](orgId, ids).execute(db);
    for (const label of found.rows) labels.set(`${kind}:${label.id}`, label);
  }
  return rows.map((row) => {
    const label = labels.get(`${row.kind}:${row.target_id}`);
    return {
      id: row.id,
      kind: row.kind as IncidentLinkKind,
      targetId: row.target_id,
      ref: label?.ref ?? "",
      title: label?.title ?? "",
      createdAt: row.created_at.toISOString(),
    };
  });
}

/** The whole incident as its page shows it: facts, timeline, communications, links and nonconformities raised from it. */
export async function loadIncidentDetail(
  db: Kysely<Database>,
  orgId: string,
  incidentId: string,
): Promise<IncidentDetail> {
  const row = await incidentQuery(db, orgId).where("i.id", "=", incidentId).executeTakeFirst();
  if (!row) throw notFound("Incident", incidentId);
  const systems = await systemsOf(db, orgId, [row.id]);
  const timeline = await db
    .selectFrom("incident_timeline_entries as e")
    .leftJoin("memberships as m", "m.id", "e.author_member_id")
    .leftJoin("users as u", "u.id", "m.user_id")
    .selectAll("e")
    .select("u.name as author_name")
    .where("e.org_id", "=", orgId)
    .where("e.incident_id", "=", incidentId)
    .orderBy("e.created_at")
    .orderBy("e.id")
    .execute();
  const communications = await db
    .selectFrom("incident_communications as c")
    .leftJoin("memberships as m", "m.id", "c.recorded_by_member_id")
    .leftJoin("users as u", "u.id", "m.user_id")
    .selectAll("c")
    .select("u.name as recorded_by_name")
    .where("c.org_id", "=", orgId)
    .where("c.incident_id", "=", incidentId)
    .orderBy("c.communicated_at")
    .orderBy("c.id")
    .execute();
  const links = await linksOf(db, orgId, incidentId);
  const nonconformities = await db
    .selectFrom("nonconformities")
    .select(["id", "ref", "title", "severity", "status", "created_at"])
    .where("org_id", "=", orgId)
    .where("source", "=", "incident")
    .where("source_id", "=", incidentId)
    .orderBy("created_at")
    .execute();
  return {
    ...presentIncident(row, systems),
    timeline: timeline.map((entry) => ({
      id: entry.id,
      kind: entry.kind as IncidentDetail["timeline"][number]["kind"],
      body: entry.body,
      fromStatus: entry.from_status as IncidentStatus | null,
      toStatus: entry.to_status as IncidentStatus | null,
      author: person(entry.author_member_id, entry.author_name),
      createdAt: entry.created_at.toISOString(),
    })),
    communications: communications.map((c) => ({
      id: c.id,
      audience: c.audience as IncidentDetail["communications"][number]["audience"],
      recipient: c.recipient,
      communicatedAt: c.communicated_at.toISOString(),
      channel: c.channel as IncidentDetail["communications"][number]["channel"],
      summary: c.summary,
      recordedBy: person(c.recorded_by_member_id, c.recorded_by_name),
      createdAt: c.created_at.toISOString(),
    })),
    links,
    nonconformities: nonconformities.map((nc) => ({
      id: nc.id,
      ref: nc.ref,
      title: nc.title,
      severity: nc.severity,
      status: nc.status,
      createdAt: nc.created_at.toISOString(),
    })),
    nextStatuses: [...incidentSteps[row.status as IncidentStatus]],
  };
}
