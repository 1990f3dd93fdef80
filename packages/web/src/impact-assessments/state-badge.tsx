import type { ImpactAssessmentStatus, SystemImpactState } from "@openaims/contracts";
import { StatusBadge } from "../ui/status-badge";

/** Where a system stands on impact assessment. */
export function SystemStateBadge({ state }: { state: SystemImpactState }) {
  return <StatusBadge of="systemImpactState" value={state} />;
}

/** The status of one revision; archived ones say so. */
export function RevisionStatusBadge({ status, archived }: { status: ImpactAssessmentStatus; archived: boolean }) {
  if (archived) return <StatusBadge of="recordStatus" value="archived" variant="outline" />;
  return <StatusBadge of="impactAssessmentStatus" value={status} />;
}
