import { Group, Text } from "@mantine/core";
import type { ModelScanSeverity } from "@openaims/contracts";
import { severitiesDescending } from "../redteam/redteam-labels";
import { SeverityBadge } from "../redteam/severity-badge";

/** "2 Critical, 1 High", or "None": findings by severity as numbers beside badges. */
export function SeverityCounts({ counts }: { counts: Record<ModelScanSeverity, number> }) {
  const present = severitiesDescending.filter((severity) => counts[severity] > 0);
  if (present.length === 0) return <Text size="sm">None</Text>;
  return (
    <Group gap={6}>
      {present.map((severity) => (
        <Group key={severity} gap={2} wrap="nowrap">
          <Text size="sm">{counts[severity]}</Text>
          <SeverityBadge severity={severity} />
        </Group>
      ))}
    </Group>
  );
}
