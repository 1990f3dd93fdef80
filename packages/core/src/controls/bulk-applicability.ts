import { compareRefs } from "./soa-derivation.js";

/** One control of a bulk decision, as it stands before the change. */
export interface BulkDecisionTarget {
  ref: string;
  /** The control's current decision; true, false or null (undecided). */
  applicable: boolean | null;
  /** Refs of the open risks the control treats. */
  openRiskRefs: readonly string[];
}

/** Why a bulk decision is refused as a whole. */
export type BulkApplicabilityRefusal =
  | { kind: "justification_required"; field: "justification"; message: string }
  | {
      kind: "override_required";
      /** The controls that treat open risks, with those risks, in ref order. */
      blocked: { ref: string; openRiskRefs: string[] }[];
      message: string;
    };

/**
 * Checks one applicability decision applied to many controls, with the rules of a single update:
 * the decision needs a justification, and excluding controls that treat open risks needs an
 * override reason. The refusal names every blocked control, so one answer says what to fix.
 */
export function checkBulkApplicability(
  decision: { applicable: boolean; justification: string; overrideReason: string | null },
  targets: readonly BulkDecisionTarget[],
): BulkApplicabilityRefusal | null {
  if (decision.justification.trim() === "") {
    return {
      kind: "justification_required",
      field: "justification",
      message: decision.applicable
        ? "is required: say why these controls apply"
        : "is required: say why these controls do not apply",
    };
  }
  if (decision.applicable || (decision.overrideReason ?? "").trim() !== "") return null;
  const blocked = targets
    .filter((target) => target.applicable !== false && target.openRiskRefs.length > 0)
    .map((target) => ({ ref: target.ref, openRiskRefs: [...target.openRiskRefs].sort(compareRefs) }))
    .sort((a, b) => compareRefs(a.ref, b.ref));
  if (blocked.length === 0) return null;
  const list = blocked.map((b) => `${b.ref} (${b.openRiskRefs.join(", ")})`).join("; ");
  return {
    kind: "override_required",
    blocked,
    message: `${blocked.length === 1 ? "This control treats" : "These controls treat"} open risks: ${list}. To mark ${blocked.length === 1 ? "it" : "them"} not applicable anyway, give an override reason, or leave ${blocked.length === 1 ? "it" : "them"} out of the selection.`,
  };
}

/**
 * The override reason a control keeps after a bulk exclusion: the reason given, but only on the
 * controls that needed one (those excluded now while treating open risks), so it is not stamped on
 * controls it does not concern; a control already excluded keeps its own.
 */
export function bulkStoredOverrideReason(
  target: BulkDecisionTarget & { overrideReason: string | null },
  decision: { applicable: boolean; overrideReason: string | null },
): string | null {
  if (decision.applicable) return null;
  if (target.applicable === false) return target.overrideReason;
  const given = decision.overrideReason?.trim() ?? "";
  return target.openRiskRefs.length > 0 && given !== "" ? given : null;
}
