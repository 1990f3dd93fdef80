import { Badge } from "@mantine/core";
import type { LifecycleStage } from "@openaims/contracts";
import { lifecycleStageLabels } from "./inventory-labels";

/** The lifecycle stage; systems in use stand out from those still being built or retired. */
export function LifecycleBadge({ stage }: { stage: LifecycleStage }) {
  const color = stage === "operation" || stage === "deployment" ? "blue" : stage === "retired" ? "gray" : "violet";
  return (
    <Badge color={color} variant="outline">
      {lifecycleStageLabels[stage]}
    </Badge>
  );
}
