import type { DueItem, Role } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import {
  dueAuditItems,
  dueCorrectiveActions,
  dueManagementReviews,
  dueObjectives,
  dueReviewActions,
  dueTreatmentActions,
} from "./due/due-actions.js";
import { dueApprovals, dueNamedApprovals } from "./due/due-approvals.js";
import { dueEvidenceExpiry, duePolicyAcknowledgements, dueTrainingExpiry } from "./due/due-awareness.js";
import { dueGateSignOffs } from "./due/due-gate-sign-offs.js";
import { dueDocumentReviews, dueImpactAssessments, dueRiskReviews, dueSystemReviews } from "./due/due-reviews.js";
import { addDays, type DueRow, type DueScope } from "./due/due-scope.js";

export interface ListDueItemsOptions {
  /** One member's work; without it, every active member's (the reminder scan). */
  memberId?: string;
  /** 'YYYY-MM-DD': the day that decides what is overdue. */
  today: string;
  /**
   * Leave out dated work due more than this many days after `today`; undated work (approvals, sign-offs,
   * assessments to do) is always listed. Without it every date is listed. Evidence and training count
   * as due from 30 days before they expire whatever the horizon.
   */
  horizonDays?: number;
}

/**
 * Everything a member must act on, across modules: approvals they may give, actions and treatments
 * they own, reviews due, evidence and training running out, gate sign-offs, audit items assigned to
 * them, objectives, the AI policy to acknowledge. Overdue first (oldest first), then by due date, then
 * undated work. A member who is archived or not in the organisation has nothing.
 *
 * Without `memberId` it lists the work of every active member for the reminder scan; approvals that
 * anyone with the permission may give are then listed only for approvers named on the record, so that
 * a waiting approval is not pushed to every member who could give it.
 */
export async function listDueItems(
  db: Kysely<Database>,
  orgId: string,
  options: ListDueItemsOptions,
): Promise<DueItem[]> {
  const scope: DueScope = {
    db,
    orgId,
    memberId: options.memberId ?? null,
    today: options.today,
    until: options.horizonDays === undefined ? null : addDays(options.today, options.horizonDays),
  };
  const members = await activeMembers(db, orgId, scope.memberId);
  if (members.length === 0) return [];
  const segregated = await segregationApplies(db, orgId);
  const sources: Promise<DueRow[]>[] = [
    dueCorrectiveActions(scope),
    dueTreatmentActions(scope),
    dueReviewActions(scope),
    dueObjectives(scope),
    dueManagementReviews(scope),
    dueAuditItems(scope),
    dueRiskReviews(scope),
    dueSystemReviews(scope),
    dueDocumentReviews(scope),
    dueImpactAssessments(scope),
    dueEvidenceExpiry(scope),
    dueTrainingExpiry(scope),
    duePolicyAcknowledgements(scope),
    dueGateSignOffs(
      scope,
      members.map((member) => ({ memberId: member.id, role: member.role })),
    ),
  ];
  const [self] = members;
  if (scope.memberId !== null && self)
    sources.push(dueApprovals(scope, { memberId: self.id, userId: self.user_id, role: self.role, segregated }));
  else sources.push(dueNamedApprovals(scope));
  const active = new Set(members.map((member) => member.id));
  const rows = (await Promise.all(sources)).flat().filter((row) => active.has(row.memberId));
  return sortDueItems(rows.map((row) => ({ ...row, overdue: row.dueDate !== null && row.dueDate < options.today })));
}

/** Overdue and dated work by due date (oldest first), then undated work; ties by kind and title. */
export function sortDueItems(items: DueItem[]): DueItem[] {
  return items.sort(
    (a, b) =>
      (a.dueDate ?? "9999-99-99").localeCompare(b.dueDate ?? "9999-99-99") ||
      a.kind.localeCompare(b.kind) ||
      a.title.localeCompare(b.title) ||
      a.recordId.localeCompare(b.recordId) ||
      a.memberId.localeCompare(b.memberId),
  );
}

async function activeMembers(db: Kysely<Database>, orgId: string, memberId: string | null) {
  const rows = await db
    .selectFrom("memberships")
    .select(["id", "user_id", "role"])
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null)
    .$if(memberId !== null, (qb) => qb.where("id", "=", memberId as string))
    .execute();
  return rows.map((row) => ({ ...row, role: row.role as Role }));
}

/** Segregation of duties binds only when the organisation turned it on and has another active member. */
async function segregationApplies(db: Kysely<Database>, orgId: string): Promise<boolean> {
  const org = await db
    .selectFrom("organizations")
    .select("segregation_of_duties")
    .where("id", "=", orgId)
    .executeTakeFirst();
  if (!org?.segregation_of_duties) return false;
  const others = await db
    .selectFrom("memberships")
    .select("id")
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null)
    .limit(2)
    .execute();
  return others.length >= 2;
}
