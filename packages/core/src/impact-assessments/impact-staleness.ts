import type { ImpactAssessmentStatus, SystemImpactState } from "@openaims/contracts";

/** Whether an assessment still describes its system, and if not, why. */
export interface ImpactStaleness {
  stale: boolean;
  reason: string | null;
}

/**
 * An approved assessment is stale once its system has changed materially after the approval:
 * the system's `materialChangedAt` is later than the `systemMaterialAt` recorded at approval.
 * An approval with no recorded system state is treated as stale, since nothing shows what it covered.
 * Only approved revisions can be stale; drafts and history are judged elsewhere.
 */
export function impactStaleness(input: {
  status: ImpactAssessmentStatus;
  systemMaterialAt: Date | null;
  systemMaterialChangedAt: Date;
}): ImpactStaleness {
  if (input.status !== "approved") return { stale: false, reason: null };
  if (input.systemMaterialAt === null)
    return { stale: true, reason: "The approval does not record which state of the system it covered." };
  if (input.systemMaterialChangedAt.getTime() <= input.systemMaterialAt.getTime())
    return { stale: false, reason: null };
  return {
    stale: true,
    reason:
      `The system changed materially on ${input.systemMaterialChangedAt.toISOString()}, after this assessment ` +
      `was approved (it covers the system as of ${input.systemMaterialAt.toISOString()}). Start a new revision to reassess.`,
  };
}

/**
 * Where a system stands: its approved revision decides (approved or stale); without one, the open
 * revision's status (draft or submitted); without either, none. A draft that re-assesses an
 * approved system does not hide that the approved one is stale.
 */
export function systemImpactState(input: {
  approved: { systemMaterialAt: Date | null } | null;
  open: { status: "draft" | "submitted" } | null;
  systemMaterialChangedAt: Date;
}): { state: SystemImpactState; staleReason: string | null } {
  if (input.approved) {
    const staleness = impactStaleness({
      status: "approved",
      systemMaterialAt: input.approved.systemMaterialAt,
      systemMaterialChangedAt: input.systemMaterialChangedAt,
    });
    return staleness.stale
      ? { state: "stale", staleReason: staleness.reason }
      : { state: "approved", staleReason: null };
  }
  return { state: input.open ? input.open.status : "none", staleReason: null };
}
