import type { ImpactAssessmentStatus } from "@openaims/contracts";

/** What can be done to a revision. `supersede` happens to the old approved revision when a new one is approved. */
export type ImpactAction = "edit" | "submit" | "return" | "approve" | "archive" | "supersede";

const rules: Record<ImpactAction, { from: readonly ImpactAssessmentStatus[]; to: ImpactAssessmentStatus | null }> = {
  edit: { from: ["draft"], to: "draft" },
  submit: { from: ["draft"], to: "submitted" },
  return: { from: ["submitted"], to: "draft" },
  approve: { from: ["submitted"], to: "approved" },
  // Archiving keeps the status and sets archived_at; only work in progress can be abandoned.
  archive: { from: ["draft", "submitted"], to: null },
  supersede: { from: ["approved"], to: "superseded" },
};

const refusals: Record<ImpactAction, string> = {
  edit: "Only a draft can be edited. Return a submitted revision to draft, or start a new revision from an approved one.",
  submit: "Only a draft can be submitted.",
  return: "Only a submitted revision can be returned to draft.",
  approve: "Only a submitted revision can be approved.",
  archive: "Only a draft or submitted revision can be archived; approved revisions stay as the record.",
  supersede: "Only the approved revision can be superseded.",
};

/** The outcome of asking for an action: the status afterwards, or why it is refused. */
export type ImpactTransition = { ok: true; to: ImpactAssessmentStatus } | { ok: false; reason: string };

/**
 * Checks one step of the workflow draft → submitted → approved (→ superseded), with
 * submitted → draft for a return. Archived revisions accept nothing.
 */
export function checkImpactTransition(
  current: { status: ImpactAssessmentStatus; archived: boolean },
  action: ImpactAction,
): ImpactTransition {
  if (current.archived) return { ok: false, reason: "This revision is archived and can no longer change." };
  const rule = rules[action];
  if (!rule.from.includes(current.status))
    return { ok: false, reason: `${refusals[action]} This one is ${current.status}.` };
  return { ok: true, to: rule.to ?? current.status };
}
