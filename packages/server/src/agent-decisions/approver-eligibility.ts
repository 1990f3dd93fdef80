import { type ApprovalRequirement, labelOf, type Role, roleAllows } from "@openaims/contracts";

/** A member who might answer an approval request. */
export interface ApproverCandidate {
  membershipId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
}

/** Whether `requester` (an e-mail address or a user or member id, as the agent said) names this member. */
export function isRequester(
  requester: string,
  candidate: Pick<ApproverCandidate, "email" | "userId" | "membershipId">,
) {
  const who = requester.trim().toLowerCase();
  if (who === "") return false;
  return who === candidate.email.toLowerCase() || who === candidate.userId || who === candidate.membershipId;
}

function roleWords(role: string): string {
  return labelOf("role", role as Role);
}

/**
 * Why this member may not answer the request, in plain words, or null when they may. The requester
 * never counts, nor anyone the policy names in not_from; `members` limits who may; the role is the
 * requirement's (`approver`: anyone allowed to approve agent actions; owners and admins always qualify).
 */
export function whyMayNotApprove(
  requirement: ApprovalRequirement,
  requester: string,
  candidate: ApproverCandidate,
  approvedBy: readonly string[],
): string | null {
  if (isRequester(requester, candidate)) {
    return "Segregation of duties: the agent is acting for you in this request, so another member must approve it.";
  }
  const email = candidate.email.toLowerCase();
  if (requirement.not_from.some((address) => address.toLowerCase() === email)) {
    return "Segregation of duties: the policy names you among the members who may not approve this action, so another member must.";
  }
  if (!roleAllows(candidate.role, "agent_actions.approve")) {
    return `Your role (${roleWords(candidate.role)}) may not approve agent actions.`;
  }
  if (
    requirement.role !== "approver" &&
    candidate.role !== requirement.role &&
    candidate.role !== "owner" &&
    candidate.role !== "admin"
  ) {
    return `The policy asks for a member with the role ${roleWords(requirement.role)} (or an owner or admin) to approve this action; your role is ${roleWords(candidate.role)}.`;
  }
  if (requirement.members.length > 0 && !requirement.members.some((address) => address.toLowerCase() === email)) {
    return `The policy lets only these members approve this action: ${requirement.members.join(", ")}.`;
  }
  if (approvedBy.includes(candidate.membershipId)) {
    return `You already approved this request; it needs ${requirement.count} different approvers.`;
  }
  return null;
}

/** Milliseconds of a policy duration such as 90s, 15m, 4h or 2d. */
export function durationMs(duration: string): number {
  const match = /^([1-9][0-9]{0,5})(s|m|h|d)$/.exec(duration);
  if (!match) return 3_600_000;
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as "s" | "m" | "h" | "d"];
  return Number(match[1]) * unit;
}
