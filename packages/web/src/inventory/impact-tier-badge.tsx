import { Badge } from "@mantine/core";
import type { ImpactTier } from "@openaims/contracts";
import { impactTierLabels } from "./inventory-labels";

const colors: Record<ImpactTier, string> = { low: "gray", medium: "yellow", high: "red" };

/** The impact tier in words, coloured by how much is at stake. */
export function ImpactTierBadge({ tier }: { tier: ImpactTier }) {
  return (
    <Badge color={colors[tier]} variant="light">
      {impactTierLabels[tier]} impact
    </Badge>
  );
}
