/**
 * Segregation of duties: whoever wrote, submitted, changed or owns what is to be approved may not
 * approve it themselves. One rule for every approval (document versions, impact assessments, the
 * Statement of Applicability, risk acceptances, and whatever approval comes next).
 */

/** How a person took part in what is to be approved. */
export type ApprovalInvolvement = "wrote" | "submitted" | "changed" | "owns";

/** One person who took part, named by membership, by account, or both (records store either). */
export interface ApprovalParticipant {
  involvement: ApprovalInvolvement;
  memberId?: string | null;
  userId?: string | null;
}

export interface SegregationOfDutiesInput {
  /** The organisation's setting. */
  enabled: boolean;
  /** Active members of the organisation: the rule bites only when someone else could approve. */
  activeMembers: number;
  approver: { memberId: string; userId: string };
  participants: readonly ApprovalParticipant[];
}

/**
 * The approver's own part in what they are about to approve, or null when they may approve it.
 * A one-person organisation approves its own work: there is nobody else to ask.
 */
export function findSelfApproval(input: SegregationOfDutiesInput): ApprovalParticipant | null {
  if (!input.enabled || input.activeMembers < 2) return null;
  const { memberId, userId } = input.approver;
  return (
    input.participants.find(
      (participant) =>
        (participant.memberId != null && participant.memberId === memberId) ||
        (participant.userId != null && participant.userId === userId),
    ) ?? null
  );
}

const involvementWords: Record<ApprovalInvolvement, string> = {
  wrote: "you wrote",
  submitted: "you submitted",
  changed: "you changed",
  owns: "you own",
};

/**
 * The refusal in plain words: "Segregation of duties: you submitted version 2 of DOC-3, so another
 * member must approve it. …". `subject` names the record as the sentence needs it.
 */
export function segregationOfDutiesMessage(
  involvement: ApprovalInvolvement,
  subject: string,
  act: "approve" | "accept" = "approve",
): string {
  return (
    `Segregation of duties: ${involvementWords[involvement]} ${subject}, so another member must ${act} it. ` +
    "An owner or admin can change this rule in Organisation settings."
  );
}
