import { randomUUID } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { defaultAuditCriteria, diffChanges } from "@openaims/core";
import { sql } from "kysely";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { nextRef } from "../records/next-ref.js";
import { invalidBody } from "../risks/field-errors.js";
import { loadAuditDetail } from "./audit-detail.js";
import { auditQuery, presentAudits } from "./audit-queries.js";
import { checkProgramme, checkScope, checkTeam, otherAuditors, uniqueScope } from "./audit-references.js";
import { checkAuditWriteAccess } from "./audit-write-access.js";
import { syncChecklist } from "./sync-checklist.js";

export { updateInternalAudit } from "./update-internal-audit.js";

/** Internal audits, newest first, by status, programme or AI system in scope. */
export const listInternalAudits: Handler<Routes["listInternalAudits"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, status, programmeId, systemId } = input.query;
  const sort = keysetSort("-createdAt", { createdAt: "a.created_at" }, "a.id");
  const cursor = parseCursor(rawCursor);
  let query = auditQuery(tx, org.orgId);
  if (status) query = query.where("a.status", "=", status);
  if (programmeId) query = query.where("a.programme_id", "=", programmeId);
  if (systemId) query = query.where(sql<boolean>`a.scope_system_ids @> ${JSON.stringify([systemId])}::jsonb`);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("a.created_at", "desc")
    .orderBy("a.id", "desc")
    .limit(limit + 1)
    .execute();
  const presented = await presentAudits(tx, org.orgId, rows.slice(0, limit));
  const byId = new Map(presented.map((audit) => [audit.id, audit]));
  return pageOf(
    rows,
    limit,
    (row) => ({ k: cursorValue(row.created_at), id: row.id }),
    (row) => byId.get(row.id) as (typeof presented)[number],
  );
};

export const getInternalAudit: Handler<Routes["getInternalAudit"]> = async ({ tx, org, input }) =>
  loadAuditDetail(tx, org.orgId, input.params.auditId);

/**
 * Plans an audit (IA-n), from a programme or on its own, with its team, and seeds its checklist from the
 * templates of the clauses and controls in scope (the whole standard when it names none).
 */
export const createInternalAudit: Handler<Routes["createInternalAudit"]> = async ({ tx, org, input, audit }) => {
  const body = input.body;
  const scope = uniqueScope(body.scope);
  const auditors = otherAuditors(body.leadAuditorMemberId, body.auditorMemberIds);
  checkAuditWriteAccess(org, {
    ref: "this audit",
    leadMemberId: body.leadAuditorMemberId,
    auditorMemberIds: auditors,
  });
  const problems = [
    ...(await checkProgramme(tx, org.orgId, body.programmeId, body)),
    ...(await checkScope(tx, org.orgId, scope)),
    ...(await checkTeam(tx, org.orgId, body.leadAuditorMemberId, auditors)),
  ];
  if (problems.length > 0) throw invalidBody(problems);
  const id = randomUUID();
  const ref = await nextRef(tx, org.orgId, "internal_audit", "IA");
  const criteria = body.criteria || defaultAuditCriteria;
  await tx
    .insertInto("internal_audits")
    .values({
      id,
      org_id: org.orgId,
      ref,
      programme_id: body.programmeId,
      title: body.title,
      scope_clauses: JSON.stringify(scope.clauseIds),
      scope_controls: JSON.stringify(scope.controlIds),
      scope_system_ids: JSON.stringify(scope.systemIds),
      scope_processes: JSON.stringify(scope.processes),
      criteria,
      planned_start: body.plannedStart,
      planned_end: body.plannedEnd,
      lead_auditor_member_id: body.leadAuditorMemberId,
      status: "planned",
      conclusion: "",
      started_at: null,
      closed_at: null,
      created_by_member_id: org.membershipId,
      archived_at: null,
      archive_reason: null,
    })
    .execute();
  if (auditors.length > 0)
    await tx
      .insertInto("internal_audit_auditors")
      .values(auditors.map((memberId) => ({ audit_id: id, org_id: org.orgId, member_id: memberId })))
      .execute();
  const { added } = await syncChecklist(tx, org.orgId, id, scope);
  await audit({
    action: "internal_audit.created",
    entityType: "internal_audit",
    entityId: id,
    changes: diffChanges(null, {
      ref,
      title: body.title,
      programmeId: body.programmeId,
      scope,
      criteria,
      plannedStart: body.plannedStart,
      plannedEnd: body.plannedEnd,
      leadAuditorMemberId: body.leadAuditorMemberId,
      auditorMemberIds: auditors,
      status: "planned",
      checklistItems: added.length,
    }),
  });
  return loadAuditDetail(tx, org.orgId, id);
};
