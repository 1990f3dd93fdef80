import type { Concern, ConcernChannel, ConcernStatus } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";

/** Concerns with the names and references they point at. */
export function concernQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("concerns as c")
    .leftJoin("ai_systems as sys", "sys.id", "c.system_id")
    .leftJoin("memberships as rm", "rm.id", "c.reported_by_member_id")
    .leftJoin("users as ru", "ru.id", "rm.user_id")
    .leftJoin("memberships as tm", "tm.id", "c.triaged_by_member_id")
    .leftJoin("users as tu", "tu.id", "tm.user_id")
    .leftJoin("incidents as i", "i.id", "c.incident_id")
    .leftJoin("risks as r", "r.id", "c.risk_id")
    .selectAll("c")
    .select([
      "sys.name as system_label",
      "ru.name as reported_by_name",
      "tu.name as triaged_by_name",
      "i.ref as incident_ref",
      "r.ref as risk_ref",
    ])
    .where("c.org_id", "=", orgId);
}

type ConcernRow = Awaited<ReturnType<ReturnType<typeof concernQuery>["executeTakeFirstOrThrow"]>>;

const person = (memberId: string | null, name: string | null) => (memberId && name ? { memberId, name } : null);

export function presentConcern(row: ConcernRow): Concern {
  return {
    id: row.id,
    ref: row.ref,
    description: row.description,
    system: row.system_id && row.system_label ? { id: row.system_id, name: row.system_label } : null,
    systemName: row.system_name,
    contactPreference: row.contact_preference,
    channel: row.channel as ConcernChannel,
    reportedBy: person(row.reported_by_member_id, row.reported_by_name),
    status: row.status as ConcernStatus,
    incident: row.incident_id && row.incident_ref ? { id: row.incident_id, ref: row.incident_ref } : null,
    risk: row.risk_id && row.risk_ref ? { id: row.risk_id, ref: row.risk_ref } : null,
    closedReason: row.closed_reason,
    triagedBy: person(row.triaged_by_member_id, row.triaged_by_name),
    triagedAt: row.triaged_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

export async function loadConcern(db: Kysely<Database>, orgId: string, concernId: string): Promise<Concern> {
  const row = await concernQuery(db, orgId).where("c.id", "=", concernId).executeTakeFirst();
  if (!row) throw notFound("Concern", concernId);
  return presentConcern(row);
}
