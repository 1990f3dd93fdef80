import type { AuditProgress, AuditResult, InternalAudit, InternalAuditStatus } from "@openaims/contracts";
import { internalAuditSteps } from "@openaims/contracts";
import { countAuditResults } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound, staleVersion } from "../http/app-error.js";

/** Audits with their programme and lead auditor's name. */
export function auditQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("internal_audits as a")
    .leftJoin("audit_programmes as p", "p.id", "a.programme_id")
    .leftJoin("memberships as lm", "lm.id", "a.lead_auditor_member_id")
    .leftJoin("users as lu", "lu.id", "lm.user_id")
    .selectAll("a")
    .select([
      "p.ref as programme_ref",
      "p.title as programme_title",
      "lu.name as lead_name",
      "lm.user_id as lead_user_id",
    ])
    .where("a.org_id", "=", orgId);
}

export type AuditRow = Awaited<ReturnType<ReturnType<typeof auditQuery>["executeTakeFirstOrThrow"]>>;

/** Auditors other than the lead, per audit, in the order they were added. */
export async function loadAuditors(
  db: Kysely<Database>,
  orgId: string,
  auditIds: readonly string[],
): Promise<Map<string, { memberId: string; name: string; userId: string }[]>> {
  const byAudit = new Map<string, { memberId: string; name: string; userId: string }[]>();
  if (auditIds.length === 0) return byAudit;
  const rows = await db
    .selectFrom("internal_audit_auditors as t")
    .innerJoin("memberships as m", "m.id", "t.member_id")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["t.audit_id", "t.member_id", "u.name", "m.user_id"])
    .where("t.org_id", "=", orgId)
    .where("t.audit_id", "in", auditIds)
    .orderBy("u.name")
    .execute();
  for (const row of rows)
    byAudit.set(row.audit_id, [
      ...(byAudit.get(row.audit_id) ?? []),
      { memberId: row.member_id, name: row.name, userId: row.user_id },
    ]);
  return byAudit;
}

/** Each audit's progress: items answered and how many have each result, counted in the database. */
async function loadProgress(
  db: Kysely<Database>,
  orgId: string,
  auditIds: readonly string[],
): Promise<Map<string, AuditProgress>> {
  const byAudit = new Map<string, AuditProgress>();
  if (auditIds.length === 0) return byAudit;
  const rows = await db
    .selectFrom("audit_checklist_items")
    .select(["audit_id", "result"])
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("org_id", "=", orgId)
    .where("audit_id", "in", auditIds)
    .groupBy(["audit_id", "result"])
    .execute();
  for (const row of rows) {
    const progress = byAudit.get(row.audit_id) ?? countAuditResults([]);
    const count = Number(row.count);
    progress.total += count;
    if (row.result !== null) {
      progress.answered += count;
      progress.counts[row.result as AuditResult] += count;
    }
    byAudit.set(row.audit_id, progress);
  }
  return byAudit;
}

/** The systems named in audits' scopes, by id. */
async function loadSystems(db: Kysely<Database>, orgId: string, rows: readonly AuditRow[]) {
  const ids = [...new Set(rows.flatMap((row) => row.scope_system_ids))];
  const systems = new Map<string, { id: string; slug: string; name: string }>();
  if (ids.length === 0) return systems;
  const found = await db
    .selectFrom("ai_systems")
    .select(["id", "slug", "name"])
    .where("org_id", "=", orgId)
    .where("id", "in", ids)
    .execute();
  for (const system of found) systems.set(system.id, system);
  return systems;
}

/** Audits as listed: scope with system names, team, progress and the steps each may take next. */
export async function presentAudits(db: Kysely<Database>, orgId: string, rows: AuditRow[]): Promise<InternalAudit[]> {
  const ids = rows.map((row) => row.id);
  const [auditors, progress, systems] = await Promise.all([
    loadAuditors(db, orgId, ids),
    loadProgress(db, orgId, ids),
    loadSystems(db, orgId, rows),
  ]);
  return rows.map((row) => {
    const status = row.status as InternalAuditStatus;
    return {
      id: row.id,
      ref: row.ref,
      title: row.title,
      programme:
        row.programme_id && row.programme_ref && row.programme_title
          ? { id: row.programme_id, ref: row.programme_ref, title: row.programme_title }
          : null,
      scope: {
        clauseIds: row.scope_clauses,
        controlIds: row.scope_controls,
        systems: row.scope_system_ids.flatMap((id) => {
          const system = systems.get(id);
          return system ? [system] : [];
        }),
        processes: row.scope_processes,
      },
      criteria: row.criteria,
      plannedStart: row.planned_start,
      plannedEnd: row.planned_end,
      lead:
        row.lead_auditor_member_id && row.lead_name && row.lead_user_id
          ? { memberId: row.lead_auditor_member_id, name: row.lead_name, userId: row.lead_user_id }
          : null,
      auditors: auditors.get(row.id) ?? [],
      status,
      nextStatuses: [...internalAuditSteps[status]],
      conclusion: row.conclusion,
      startedAt: row.started_at?.toISOString() ?? null,
      closedAt: row.closed_at?.toISOString() ?? null,
      progress: progress.get(row.id) ?? countAuditResults([]),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      version: row.version,
    };
  });
}

/** One audit as listed; another organisation's answers 404. */
export async function loadAudit(db: Kysely<Database>, orgId: string, id: string): Promise<InternalAudit> {
  const row = await auditQuery(db, orgId).where("a.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Internal audit", id);
  const [audit] = await presentAudits(db, orgId, [row]);
  return audit as InternalAudit;
}

/** Locks an audit for a change with its team; 404 in another organisation, 409 when the sent version is stale. */
export async function lockAudit(db: Kysely<Database>, orgId: string, id: string, version?: number) {
  const row = await db
    .selectFrom("internal_audits")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("Internal audit", id);
  if (version !== undefined && row.version !== version) throw staleVersion("audit", row.version, version);
  const auditors = await db
    .selectFrom("internal_audit_auditors")
    .select("member_id")
    .where("org_id", "=", orgId)
    .where("audit_id", "=", id)
    .execute();
  return { row, auditorMemberIds: auditors.map((auditor) => auditor.member_id) };
}

export type LockedAudit = Awaited<ReturnType<typeof lockAudit>>;

/** The team of a locked audit, as the write-access rule reads it. */
export function teamOf(audit: LockedAudit) {
  return {
    ref: audit.row.ref,
    leadMemberId: audit.row.lead_auditor_member_id,
    auditorMemberIds: audit.auditorMemberIds,
  };
}

/** Bumps an audit's version and time after a change to it or its checklist. */
export async function touchAudit(db: Kysely<Database>, row: { id: string; version: number }, fields = {}) {
  await db
    .updateTable("internal_audits")
    .set({ ...fields, version: row.version + 1, updated_at: new Date() })
    .where("id", "=", row.id)
    .execute();
}
