import { forbidden } from "../http/app-error.js";
import type { OrgScope } from "../http/handler-context.js";

/** The audit team as the access rule needs it. */
export interface AuditTeamIds {
  ref: string;
  leadMemberId: string | null;
  auditorMemberIds: readonly string[];
}

/**
 * The one rule for who may change audit records beyond the route's permission (`audit_records.write`):
 * a member whose role is auditor plans and records only the audits they are on, as lead or auditor, and
 * never the programme, which is for those who run the management system. Every write handler of this
 * module calls it: with the audit's team (for a new audit, the proposed team), or with null for programme
 * writes.
 */
export function checkAuditWriteAccess(org: OrgScope, audit: AuditTeamIds | null): void {
  if (org.role !== "auditor") return;
  if (audit === null)
    throw forbidden(
      "Members with the auditor role record audits but do not plan the audit programme; ask a compliance manager, admin or owner.",
    );
  const onTeam = audit.leadMemberId === org.membershipId || audit.auditorMemberIds.includes(org.membershipId);
  if (!onTeam)
    throw forbidden(
      `You are not on the team of ${audit.ref} (lead auditor or auditor); with the auditor role you may change only the audits you are on.`,
    );
}
