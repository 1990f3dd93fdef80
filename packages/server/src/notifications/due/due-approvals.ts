import { type Role, roleAllows } from "@openaims/contracts";
import { type SqlBool, sql } from "kysely";
import { type DueRow, type DueScope, dueRow } from "./due-scope.js";

/** The member an approval listing is for, with what decides whether they may approve. */
export interface Approver {
  memberId: string;
  userId: string;
  role: Role;
  /** Segregation of duties applies: the organisation has it on and more than one active member. */
  segregated: boolean;
}

/**
 * Records waiting for an approval the member may give: document versions in review (only the named
 * approvers when the submitter named some), submitted impact assessments, requested changes, gate
 * overrides, and nonconformities awaiting their effectiveness check. Under segregation of duties a
 * record the member wrote, submitted or raised is left out, by the same participants the approval
 * routes refuse (`approvals/approval-participants.ts`). Undated: approvals are due now.
 */
export async function dueApprovals(scope: DueScope, approver: Approver): Promise<DueRow[]> {
  const lists: Promise<DueRow[]>[] = [];
  if (roleAllows(approver.role, "governance.write")) {
    lists.push(documentVersions(scope, approver), impactAssessments(scope, approver));
    lists.push(changes(scope, approver), effectivenessChecks(scope, approver));
  }
  if (roleAllows(approver.role, "gates.override")) lists.push(gateOverrides(scope, approver));
  return (await Promise.all(lists)).flat();
}

/**
 * For the reminder scan: document versions waiting for the approvers their submitter named, one entry
 * per named approver. Approvals anyone with the permission may give show on each such member's My
 * work, but are not pushed to all of them.
 */
export async function dueNamedApprovals(scope: DueScope): Promise<DueRow[]> {
  const rows = await versionQuery(scope)
    .innerJoin(sql<{ member_id: string }>`jsonb_array_elements_text(v.approver_member_ids)`.as("named"), (join) =>
      join.onTrue(),
    )
    .select(sql<string>`named.value`.as("member_id"))
    .execute();
  return rows.map((row) => versionRow(row, row.member_id));
}

function versionQuery(scope: DueScope) {
  return scope.db
    .selectFrom("document_versions as v")
    .innerJoin("documents as d", "d.id", "v.document_id")
    .select(["v.id as record_id", "v.number", "d.id as document_id", "d.ref", "d.title"])
    .where("v.org_id", "=", scope.orgId)
    .where("v.status", "=", "in_review")
    .where("d.archived_at", "is", null);
}

function versionRow(
  row: { record_id: string; number: number; document_id: string; ref: string; title: string },
  memberId: string,
): DueRow {
  return dueRow(
    "approval",
    "document_version",
    { ...row, title: `Approve version ${row.number} of ${row.title}`, member_id: memberId, due_date: null },
    `documents/${row.document_id}`,
  );
}

async function documentVersions(scope: DueScope, approver: Approver): Promise<DueRow[]> {
  const named = sql<SqlBool>`v.approver_member_ids @> ${JSON.stringify([approver.memberId])}::jsonb`;
  const anyone = approver.segregated
    ? sql<SqlBool>`(jsonb_array_length(v.approver_member_ids) = 0 and v.submitted_by_member_id is distinct from ${approver.memberId} and v.created_by_member_id is distinct from ${approver.memberId})`
    : sql<SqlBool>`jsonb_array_length(v.approver_member_ids) = 0`;
  const rows = await versionQuery(scope).where(sql<SqlBool>`(${named} or ${anyone})`).execute();
  return rows.map((row) => versionRow(row, approver.memberId));
}

async function impactAssessments(scope: DueScope, approver: Approver): Promise<DueRow[]> {
  const rows = await scope.db
    .selectFrom("impact_assessments as ia")
    .innerJoin("ai_systems as s", "s.id", "ia.system_id")
    .select(["ia.id as record_id", "ia.ref", "s.name"])
    .where("ia.org_id", "=", scope.orgId)
    .where("ia.status", "=", "submitted")
    .where("ia.archived_at", "is", null)
    .$if(approver.segregated, (qb) =>
      qb
        .where(sql<SqlBool>`ia.submitted_by is distinct from ${approver.userId}`)
        .where(sql<SqlBool>`ia.created_by is distinct from ${approver.userId}`),
    )
    .execute();
  return rows.map((row) =>
    dueRow(
      "approval",
      "impact_assessment",
      { ...row, title: `Approve the impact assessment of ${row.name}`, member_id: approver.memberId, due_date: null },
      `impact-assessments/${row.record_id}`,
    ),
  );
}

async function changes(scope: DueScope, approver: Approver): Promise<DueRow[]> {
  const rows = await scope.db
    .selectFrom("system_changes as c")
    .select(["c.id as record_id", "c.ref", "c.summary"])
    .where("c.org_id", "=", scope.orgId)
    .where("c.status", "=", "requested")
    .where("c.archived_at", "is", null)
    .$if(approver.segregated, (qb) =>
      qb.where(sql<SqlBool>`c.requested_by_member_id is distinct from ${approver.memberId}`),
    )
    .execute();
  return rows.map((row) =>
    dueRow(
      "approval",
      "change",
      { ...row, title: `Approve change: ${row.summary}`, member_id: approver.memberId, due_date: null },
      `changes/${row.record_id}`,
    ),
  );
}

async function gateOverrides(scope: DueScope, approver: Approver): Promise<DueRow[]> {
  const rows = await scope.db
    .selectFrom("gate_overrides as o")
    .innerJoin("ai_systems as s", "s.id", "o.system_id")
    .select(["o.id as record_id", "o.ref", "o.to_stage", "s.id as system_id", "s.name"])
    .where("o.org_id", "=", scope.orgId)
    .where("o.status", "=", "requested")
    .where("s.archived_at", "is", null)
    .$if(approver.segregated, (qb) =>
      qb.where(sql<SqlBool>`o.requested_by_member_id is distinct from ${approver.memberId}`),
    )
    .execute();
  return rows.map((row) =>
    dueRow(
      "approval",
      "gate_override",
      {
        ...row,
        title: `Approve the gate override of ${row.name} into ${row.to_stage}`,
        member_id: approver.memberId,
        due_date: null,
      },
      `inventory/systems/${row.system_id}?tab=gate`,
    ),
  );
}

async function effectivenessChecks(scope: DueScope, approver: Approver): Promise<DueRow[]> {
  const rows = await scope.db
    .selectFrom("nonconformities as n")
    .select(["n.id as record_id", "n.ref", "n.title"])
    .where("n.org_id", "=", scope.orgId)
    .where("n.status", "=", "awaiting_check")
    .where("n.archived_at", "is", null)
    .$if(approver.segregated, (qb) =>
      qb.where(sql<SqlBool>`n.raised_by_member_id is distinct from ${approver.memberId}`),
    )
    .execute();
  return rows.map((row) =>
    dueRow(
      "approval",
      "nonconformity",
      {
        ...row,
        title: `Check whether the actions on ${row.title} worked`,
        member_id: approver.memberId,
        due_date: null,
      },
      `nonconformities/${row.record_id}`,
    ),
  );
}
