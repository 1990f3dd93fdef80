import { Badge } from "@mantine/core";
import type { ImpactAssessmentStatus, SystemImpactState } from "@openaims/contracts";
import { stateLabels, statusLabels } from "./impact-labels";

/** Where a system stands on impact assessment. */
export function SystemStateBadge({ state }: { state: SystemImpactState }) {
  const { label, color } = stateLabels[state];
  return (
    <Badge variant="filled" color={color} autoContrast>
      {label}
    </Badge>
  );
}

/** The status of one revision; archived ones say so. */
export function RevisionStatusBadge({ status, archived }: { status: ImpactAssessmentStatus; archived: boolean }) {
  if (archived)
    return (
      <Badge variant="outline" color="gray">
        Archived
      </Badge>
    );
  const { label, color } = statusLabels[status];
  return (
    <Badge variant="filled" color={color} autoContrast>
      {label}
    </Badge>
  );
}
