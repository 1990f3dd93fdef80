import type { DocumentStatus, DocumentVersionAction, DocumentVersionStatus } from "@openaims/contracts";

/** The workflow of a document version: which action moves it from which statuses to which. */
export const versionTransitions: Record<
  DocumentVersionAction,
  { from: readonly DocumentVersionStatus[]; to: DocumentVersionStatus }
> = {
  submit: { from: ["draft"], to: "in_review" },
  request_changes: { from: ["in_review"], to: "draft" },
  approve: { from: ["in_review"], to: "approved" },
  supersede: { from: ["approved"], to: "superseded" },
  retire: { from: ["approved"], to: "retired" },
};

/** The status an action leads to, or null when the action is not allowed from `from`. */
export function nextVersionStatus(
  from: DocumentVersionStatus,
  action: DocumentVersionAction,
): DocumentVersionStatus | null {
  const transition = versionTransitions[action];
  return transition.from.includes(from) ? transition.to : null;
}

/** Actions a person may take on a version in this status; superseding is left to approval of a newer version. */
export function allowedVersionActions(status: DocumentVersionStatus): DocumentVersionAction[] {
  return (Object.keys(versionTransitions) as DocumentVersionAction[]).filter(
    (action) => action !== "supersede" && nextVersionStatus(status, action) !== null,
  );
}

/** Only a draft's body and settings can change; anything else is a record of what was reviewed. */
export function isVersionEditable(status: DocumentVersionStatus): boolean {
  return status === "draft";
}

/** A draft or a version in review: work in progress. A document has at most one. */
export function isOpenVersion(status: DocumentVersionStatus): boolean {
  return status === "draft" || status === "in_review";
}

/**
 * The status of a document as a whole: approved while a version is in force (even if a newer draft
 * is being written), else the status of the version in progress, else retired.
 */
export function deriveDocumentStatus(input: {
  hasVersionInForce: boolean;
  openVersionStatus: DocumentVersionStatus | null;
}): DocumentStatus {
  if (input.hasVersionInForce) return "approved";
  if (input.openVersionStatus === "draft" || input.openVersionStatus === "in_review") return input.openVersionStatus;
  return "retired";
}

export type ApprovalRefusal = "body_changed" | "not_reviewed_body" | "not_an_approver" | null;

/**
 * Why an approval must be refused, or null. The body must be the one submitted for review (hash
 * taken at submission), and the one the approver read if they say which; when approvers are named,
 * the actor must be one of them.
 */
export function checkApproval(input: {
  submittedSha256: string | null;
  currentSha256: string;
  reviewedSha256?: string | undefined;
  approverMemberIds: readonly string[];
  actorMemberId: string;
}): ApprovalRefusal {
  if (input.submittedSha256 !== input.currentSha256) return "body_changed";
  if (input.reviewedSha256 !== undefined && input.reviewedSha256 !== input.currentSha256) return "not_reviewed_body";
  if (input.approverMemberIds.length > 0 && !input.approverMemberIds.includes(input.actorMemberId))
    return "not_an_approver";
  return null;
}
