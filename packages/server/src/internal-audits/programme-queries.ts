import {
  type AuditFrequency,
  type AuditProgramme,
  type AuditProgrammeDetail,
  type InternalAuditStatus,
  internalAuditStatuses,
} from "@openaims/contracts";
import { expectedAuditCount } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound, staleVersion } from "../http/app-error.js";
import { auditQuery, presentAudits } from "./audit-queries.js";

/** Programmes with the name of whoever planned them. */
export function programmeQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("audit_programmes as p")
    .leftJoin("memberships as m", "m.id", "p.created_by_member_id")
    .leftJoin("users as u", "u.id", "m.user_id")
    .selectAll("p")
    .select("u.name as created_by_name")
    .where("p.org_id", "=", orgId);
}

type ProgrammeRow = Awaited<ReturnType<ReturnType<typeof programmeQuery>["executeTakeFirstOrThrow"]>>;

/** How many audits of each programme are in each status. */
export async function loadAuditCounts(db: Kysely<Database>, orgId: string, programmeIds: readonly string[]) {
  const counts = new Map<string, Record<InternalAuditStatus, number>>();
  if (programmeIds.length === 0) return counts;
  const rows = await db
    .selectFrom("internal_audits")
    .select(["programme_id", "status"])
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("org_id", "=", orgId)
    .where("programme_id", "in", programmeIds)
    .groupBy(["programme_id", "status"])
    .execute();
  for (const row of rows) {
    if (!row.programme_id) continue;
    const byStatus =
      counts.get(row.programme_id) ??
      (Object.fromEntries(internalAuditStatuses.map((status) => [status, 0])) as Record<InternalAuditStatus, number>);
    byStatus[row.status as InternalAuditStatus] = Number(row.count);
    counts.set(row.programme_id, byStatus);
  }
  return counts;
}

const noAudits = () =>
  Object.fromEntries(internalAuditStatuses.map((status) => [status, 0])) as Record<InternalAuditStatus, number>;

export function presentProgramme(
  row: ProgrammeRow,
  counts: Record<InternalAuditStatus, number> = noAudits(),
): AuditProgramme {
  const frequency = row.frequency as AuditFrequency;
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    frequency,
    objectives: row.objectives,
    methods: row.methods,
    responsibilities: row.responsibilities,
    reporting: row.reporting,
    status: row.archived_at ? "archived" : "active",
    archiveReason: row.archive_reason,
    expectedAudits: expectedAuditCount(frequency, row.period_start, row.period_end),
    auditCounts: counts,
    createdBy:
      row.created_by_member_id && row.created_by_name
        ? { memberId: row.created_by_member_id, name: row.created_by_name }
        : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** A programme with its audits in planned order; another organisation's answers 404. */
export async function loadProgrammeDetail(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<AuditProgrammeDetail> {
  const row = await programmeQuery(db, orgId).where("p.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Audit programme", id);
  const [counts, audits] = await Promise.all([
    loadAuditCounts(db, orgId, [id]),
    auditQuery(db, orgId)
      .where("a.programme_id", "=", id)
      .orderBy("a.planned_start")
      .orderBy("a.ref")
      .execute()
      .then((rows) => presentAudits(db, orgId, rows)),
  ]);
  return { ...presentProgramme(row, counts.get(id)), audits };
}

/** Locks a programme for a change; 404 in another organisation, 409 when the sent version is stale. */
export async function lockProgramme(db: Kysely<Database>, orgId: string, id: string, version: number) {
  const row = await db
    .selectFrom("audit_programmes")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("Audit programme", id);
  if (row.version !== version) throw staleVersion("audit programme", row.version, version);
  return row;
}
