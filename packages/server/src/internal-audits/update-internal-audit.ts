import type { Routes } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidBody } from "../risks/field-errors.js";
import { loadAuditDetail } from "./audit-detail.js";
import { lockAudit, teamOf } from "./audit-queries.js";
import { checkProgramme, checkScope, checkTeam, otherAuditors, uniqueScope } from "./audit-references.js";
import { checkAuditWriteAccess } from "./audit-write-access.js";
import { syncChecklist } from "./sync-checklist.js";

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Changes an audit's title, scope, criteria, dates, team or conclusion until it is closed or cancelled.
 * Clauses and controls change only while it is planned, and its checklist follows them; a member with
 * checklist items assigned stays on the team until those are reassigned.
 */
export const updateInternalAudit: Handler<Routes["updateInternalAudit"]> = async ({ tx, org, input, audit }) => {
  const { version, ...fields } = input.body;
  const locked = await lockAudit(tx, org.orgId, input.params.auditId, version);
  checkAuditWriteAccess(org, teamOf(locked));
  const { row } = locked;
  if (row.status === "closed" || row.status === "cancelled")
    throw new AppError("illegal_transition", `${row.ref} is ${row.status} and its record can no longer change.`);

  const scope = fields.scope ? uniqueScope(fields.scope) : null;
  const checklistChanges =
    scope !== null &&
    (!sameList(scope.clauseIds, row.scope_clauses) || !sameList(scope.controlIds, row.scope_controls));
  if (checklistChanges && row.status !== "planned")
    throw new AppError(
      "illegal_transition",
      `The clauses and controls of ${row.ref} are fixed once fieldwork starts, because its checklist is being answered; plan another audit for further requirements.`,
    );

  const before = {
    title: row.title,
    scope: {
      clauseIds: row.scope_clauses,
      controlIds: row.scope_controls,
      systemIds: row.scope_system_ids,
      processes: row.scope_processes,
    },
    criteria: row.criteria,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    leadAuditorMemberId: row.lead_auditor_member_id as string,
    auditorMemberIds: [...locked.auditorMemberIds].sort(),
    conclusion: row.conclusion,
  };
  const lead = fields.leadAuditorMemberId ?? before.leadAuditorMemberId;
  const after = {
    ...before,
    ...(fields.title !== undefined ? { title: fields.title } : {}),
    ...(scope ? { scope } : {}),
    ...(fields.criteria !== undefined ? { criteria: fields.criteria } : {}),
    ...(fields.plannedStart !== undefined ? { plannedStart: fields.plannedStart } : {}),
    ...(fields.plannedEnd !== undefined ? { plannedEnd: fields.plannedEnd } : {}),
    ...(fields.conclusion !== undefined ? { conclusion: fields.conclusion } : {}),
    leadAuditorMemberId: lead,
    auditorMemberIds: otherAuditors(lead, fields.auditorMemberIds ?? before.auditorMemberIds).sort(),
  };

  const problems = [];
  if (after.plannedEnd < after.plannedStart)
    problems.push({ field: "plannedEnd", message: "must be on or after the planned start" });
  else problems.push(...(await checkProgramme(tx, org.orgId, row.programme_id, after)));
  if (scope) problems.push(...(await checkScope(tx, org.orgId, scope)));
  if (fields.leadAuditorMemberId !== undefined || fields.auditorMemberIds !== undefined)
    problems.push(...(await checkTeam(tx, org.orgId, after.leadAuditorMemberId, after.auditorMemberIds)));
  const team = new Set([after.leadAuditorMemberId, ...after.auditorMemberIds]);
  const stranded = await tx
    .selectFrom("audit_checklist_items as i")
    .innerJoin("memberships as m", "m.id", "i.assignee_member_id")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["i.assignee_member_id", "u.name"])
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("i.org_id", "=", org.orgId)
    .where("i.audit_id", "=", row.id)
    .groupBy(["i.assignee_member_id", "u.name"])
    .execute();
  for (const member of stranded)
    if (member.assignee_member_id && !team.has(member.assignee_member_id))
      problems.push({
        field: "auditorMemberIds",
        message: `would take ${member.name} off the team with ${member.count} checklist item(s) assigned; reassign those first`,
      });
  if (problems.length > 0) throw invalidBody(problems);

  const changes = diffChanges(before, after);
  if (Object.keys(changes).length === 0) return loadAuditDetail(tx, org.orgId, row.id);
  await tx
    .updateTable("internal_audits")
    .set({
      title: after.title,
      scope_clauses: JSON.stringify(after.scope.clauseIds),
      scope_controls: JSON.stringify(after.scope.controlIds),
      scope_system_ids: JSON.stringify(after.scope.systemIds),
      scope_processes: JSON.stringify(after.scope.processes),
      criteria: after.criteria,
      planned_start: after.plannedStart,
      planned_end: after.plannedEnd,
      lead_auditor_member_id: after.leadAuditorMemberId,
      conclusion: after.conclusion,
      version: row.version + 1,
      updated_at: new Date(),
    })
    .where("id", "=", row.id)
    .execute();
  if (!sameList(before.auditorMemberIds, after.auditorMemberIds)) {
    await tx.deleteFrom("internal_audit_auditors").where("audit_id", "=", row.id).execute();
    if (after.auditorMemberIds.length > 0)
      await tx
        .insertInto("internal_audit_auditors")
        .values(
          after.auditorMemberIds.map((memberId) => ({ audit_id: row.id, org_id: org.orgId, member_id: memberId })),
        )
        .execute();
  }
  const checklist = checklistChanges ? await syncChecklist(tx, org.orgId, row.id, after.scope) : null;
  await audit({
    action: "internal_audit.updated",
    entityType: "internal_audit",
    entityId: row.id,
    changes: {
      ...changes,
      ...(checklist
        ? { checklist: { before: { removed: checklist.removed }, after: { added: checklist.added } } }
        : {}),
    },
  });
  return loadAuditDetail(tx, org.orgId, row.id);
};
