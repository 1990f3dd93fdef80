/** The decision fields of a control, after a change has been applied. */
export interface ApplicabilityDecision {
  applicable: boolean | null;
  justification: string | null;
  overrideReason: string | null;
}

/** Why a change to a control's applicability is refused. */
export type ApplicabilityRefusal =
  | { kind: "justification_required"; field: "justification"; message: string }
  | { kind: "override_required"; openRiskRefs: string[]; message: string };

const blank = (text: string | null) => text === null || text.trim() === "";

/**
 * Checks a control's applicability decision after a change. A decision either way needs a
 * justification. Excluding a control that treats open risks needs an override reason given in
 * that same request, so nobody excludes such a control by accident. (A control excluded before a
 * risk was linked to it is not refused here; the SoA lists it as an issue until it is resolved.)
 */
export function checkApplicability(
  next: ApplicabilityDecision,
  context: { excludingNow: boolean; openRiskRefs: readonly string[] },
): ApplicabilityRefusal | null {
  if (next.applicable !== null && blank(next.justification)) {
    return {
      kind: "justification_required",
      field: "justification",
      message: next.applicable
        ? "is required: say why the control applies"
        : "is required: say why the control does not apply",
    };
  }
  if (context.excludingNow && context.openRiskRefs.length > 0 && blank(next.overrideReason)) {
    const refs = [...context.openRiskRefs].sort();
    return {
      kind: "override_required",
      openRiskRefs: refs,
      message: `This control treats open risk${refs.length > 1 ? "s" : ""} ${refs.join(", ")}. To mark it not applicable anyway, give an override reason.`,
    };
  }
  return null;
}

/** The override reason to store: kept only while the control stays excluded. */
export function storedOverrideReason(next: ApplicabilityDecision): string | null {
  return next.applicable === false && !blank(next.overrideReason) ? (next.overrideReason?.trim() ?? null) : null;
}
