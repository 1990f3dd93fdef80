import type { ApprovalCheck, ApprovalKind } from "@openaims/contracts";
import { findSelfApproval, segregationOfDutiesMessage } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError } from "../http/app-error.js";
import { loadApprovalParticipants } from "./approval-participants.js";

/** The approver: their membership in the organisation and their account. */
export interface ApproverScope {
  orgId: string;
  membershipId: string;
  userId: string;
}

/** What is to be approved: a kind and, except for the Statement of Applicability, a record id. */
export interface ApprovalSubject {
  kind: ApprovalKind;
  id?: string | undefined;
}

/**
 * Whether the approver may approve the record under the organisation's segregation of duties, and
 * if not, why. The one rule every approval goes through; a record of another organisation is not found.
 */
export async function checkSegregationOfDuties(
  db: Kysely<Database>,
  approver: ApproverScope,
  subject: ApprovalSubject,
): Promise<ApprovalCheck> {
  const record = await loadApprovalParticipants(db, approver.orgId, subject.kind, subject.id);
  const org = await db
    .selectFrom("organizations")
    .select("segregation_of_duties")
    .where("id", "=", approver.orgId)
    .executeTakeFirstOrThrow();
  const { count } = await db
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("org_id", "=", approver.orgId)
    .where("archived_at", "is", null)
    .executeTakeFirstOrThrow();
  const own = findSelfApproval({
    enabled: org.segregation_of_duties,
    activeMembers: Number(count),
    approver: { memberId: approver.membershipId, userId: approver.userId },
    participants: record.participants,
  });
  return own
    ? { mayApprove: false, reason: segregationOfDutiesMessage(own.involvement, record.subject, record.act) }
    : { mayApprove: true, reason: null };
}

/**
 * Refuses with 403 `segregation_of_duties` when the approver wrote, submitted, changed or owns what
 * they approve. Call it before the approval changes anything.
 */
export async function refuseSelfApproval(
  db: Kysely<Database>,
  approver: ApproverScope,
  subject: ApprovalSubject,
): Promise<void> {
  const check = await checkSegregationOfDuties(db, approver, subject);
  if (!check.mayApprove) throw new AppError("segregation_of_duties", check.reason ?? "Segregation of duties.");
}
