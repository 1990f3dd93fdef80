import { unknownScopeIds } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { FieldProblem } from "../risks/field-errors.js";
import { checkMember } from "../risks/risk-references.js";

/** An audit's scope as requested, ids not yet checked. */
export interface RequestedScope {
  clauseIds: string[];
  controlIds: string[];
  systemIds: string[];
  processes: string[];
}

/** The scope with duplicates removed, in the order given. */
export function uniqueScope(scope: RequestedScope): RequestedScope {
  const unique = (values: string[]) => [...new Set(values)];
  return {
    clauseIds: unique(scope.clauseIds),
    controlIds: unique(scope.controlIds),
    systemIds: unique(scope.systemIds),
    processes: unique(scope.processes),
  };
}

/** Clause and control ids must be in the catalogue; systems must be active systems of this organisation. */
export async function checkScope(db: Kysely<Database>, orgId: string, scope: RequestedScope): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const unknown = unknownScopeIds(scope);
  if (unknown.clauseIds.length > 0)
    problems.push({
      field: "scope.clauseIds",
      message: `${unknown.clauseIds.join(", ")} is not a clause id of ISO/IEC 42001 clauses 4–10, such as 6.1.2`,
    });
  if (unknown.controlIds.length > 0)
    problems.push({
      field: "scope.controlIds",
      message: `${unknown.controlIds.join(", ")} is not an Annex A control id, such as A.6.2.4`,
    });
  if (scope.systemIds.length > 0) {
    const found = await db
      .selectFrom("ai_systems")
      .select(["id", "archived_at"])
      .where("org_id", "=", orgId)
      .where("id", "in", scope.systemIds)
      .execute();
    const active = new Set(found.filter((system) => !system.archived_at).map((system) => system.id));
    const missing = scope.systemIds.filter((id) => !active.has(id));
    if (missing.length > 0)
      problems.push({
        field: "scope.systemIds",
        message: `${missing.join(", ")} is not an active AI system of this organisation`,
      });
  }
  return problems;
}

/** The lead and every auditor must be current members of this organisation. */
export async function checkTeam(
  db: Kysely<Database>,
  orgId: string,
  leadMemberId: string,
  auditorMemberIds: readonly string[],
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const lead = await checkMember(db, orgId, leadMemberId);
  if (lead) problems.push({ field: "leadAuditorMemberId", message: lead });
  for (const [index, memberId] of auditorMemberIds.entries()) {
    const problem = await checkMember(db, orgId, memberId);
    if (problem) problems.push({ field: `auditorMemberIds.${index}`, message: problem });
  }
  return problems;
}

/** The auditors besides the lead, without repeats. */
export function otherAuditors(leadMemberId: string, auditorMemberIds: readonly string[]): string[] {
  return [...new Set(auditorMemberIds)].filter((id) => id !== leadMemberId);
}

/**
 * A programme to plan under must be an active programme of this organisation whose period holds the
 * audit's planned dates.
 */
export async function checkProgramme(
  db: Kysely<Database>,
  orgId: string,
  programmeId: string | null,
  dates: { plannedStart: string; plannedEnd: string },
): Promise<FieldProblem[]> {
  if (!programmeId) return [];
  const programme = await db
    .selectFrom("audit_programmes")
    .select(["ref", "period_start", "period_end", "archived_at"])
    .where("org_id", "=", orgId)
    .where("id", "=", programmeId)
    .executeTakeFirst();
  if (!programme) return [{ field: "programmeId", message: "is not an audit programme of this organisation" }];
  if (programme.archived_at)
    return [{ field: "programmeId", message: `is programme ${programme.ref}, which is archived` }];
  if (dates.plannedStart < programme.period_start || dates.plannedEnd > programme.period_end)
    return [
      {
        field: "plannedStart",
        message: `must fall within programme ${programme.ref}'s period, ${programme.period_start} to ${programme.period_end}`,
      },
    ];
  return [];
}
