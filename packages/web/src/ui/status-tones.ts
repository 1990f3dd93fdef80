import type { EnumValue, LabelledEnum } from "@openaims/contracts";

/**
 * What a status means to the reader, so the same meaning has the same colour on every page:
 * done and good, moving, waiting for someone, needs attention, wrong or lapsed, or set aside.
 */
export type Tone = "success" | "progress" | "review" | "attention" | "danger" | "neutral";

export const toneColors: Record<Tone, string> = {
  success: "green",
  progress: "blue",
  review: "violet",
  attention: "orange",
  danger: "red",
  neutral: "gray",
};

type ToneMaps = { [E in LabelledEnum]?: Record<EnumValue<E>, Tone> };

/** The tone of each status value; enums not listed here show as neutral. */
export const statusTones: ToneMaps = {
  riskStatus: {
    identified: "attention",
    assessed: "progress",
    treating: "progress",
    accepted: "success",
    closed: "neutral",
  },
  riskAcceptanceState: { active: "success", expired: "danger", withdrawn: "neutral" },
  threatProposalStatus: { proposed: "attention", accepted: "success", dismissed: "neutral" },
  treatmentActionStatus: { open: "attention", in_progress: "progress", done: "success", cancelled: "neutral" },
  implementationStatus: {
    not_started: "neutral",
    planned: "progress",
    in_progress: "progress",
    implemented: "success",
  },
  effectiveStatus: {
    not_applicable: "neutral",
    not_started: "neutral",
    planned: "progress",
    in_progress: "progress",
    implemented: "success",
    implemented_without_evidence: "attention",
    evidence_expired: "danger",
  },
  applicabilityState: { applicable: "success", not_applicable: "neutral", undecided: "attention" },
  evidenceState: { missing: "attention", current: "success", expired: "danger" },
  evidenceValidityState: { current: "success", expiring: "attention", expired: "danger" },
  documentStatus: { draft: "progress", in_review: "review", approved: "success", retired: "neutral" },
  documentVersionStatus: {
    draft: "progress",
    in_review: "review",
    approved: "success",
    superseded: "neutral",
    retired: "neutral",
  },
  impactAssessmentStatus: { draft: "progress", submitted: "review", approved: "success", superseded: "neutral" },
  systemImpactState: {
    none: "attention",
    draft: "progress",
    submitted: "review",
    approved: "success",
    stale: "danger",
  },
  redteamScanStatus: { running: "progress", completed: "success", failed: "danger", partial: "attention" },
  redteamFindingStatus: {
    open: "attention",
    risk_raised: "progress",
    nonconformity_raised: "progress",
    dismissed: "neutral",
  },
  invitationStatus: { pending: "review", accepted: "success", revoked: "neutral", expired: "neutral" },
  tokenStatus: { active: "success", revoked: "neutral", expired: "neutral" },
  ssoDomainStatus: { verified: "success", pending: "review", taken_over: "neutral" },
  recordStatus: { active: "success", archived: "neutral" },
  licenceVerdict: { allowed: "success", review: "review", forbidden: "danger" },
  importAction: { create: "success", update: "progress", unchanged: "neutral", invalid: "danger" },
  coverageStatus: { covered: "success", partial: "attention", gap: "danger" },
  impactOutcome: { acceptable: "success", acceptable_with_conditions: "attention", not_acceptable: "danger" },
};

/** The tone of one value of an enum; neutral when the enum has no tones. */
export function toneOf<E extends LabelledEnum>(name: E, value: EnumValue<E>): Tone {
  const tones = statusTones[name] as Record<string, Tone> | undefined;
  return tones?.[value] ?? "neutral";
}
