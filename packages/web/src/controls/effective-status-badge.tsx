import { Badge } from "@mantine/core";
import type { EffectiveStatus } from "@openaims/contracts";
import { effectiveColors, effectiveLabels } from "./control-labels";

/** A control's effective status: implementation as backed (or not) by current evidence. */
export function EffectiveStatusBadge({ status }: { status: EffectiveStatus }) {
  return (
    <Badge variant="light" color={effectiveColors[status]}>
      {effectiveLabels[status]}
    </Badge>
  );
}
