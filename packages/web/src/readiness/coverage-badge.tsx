import { Badge, Group, Progress, Text } from "@mantine/core";
import type { ReadinessView } from "@openaims/contracts";

type Coverage = ReadinessView["overall"];

const colour = { covered: "green", partial: "yellow", gap: "red" } as const;
const label = { covered: "Covered", partial: "Partial", gap: "Gap" } as const;

/** Coverage as a bar with the count of checks met and a status word (never colour alone). */
export function CoverageBadge({ coverage, name }: { coverage: Coverage; name: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress
        value={coverage.percent}
        color={colour[coverage.status]}
        w={120}
        aria-label={`${name}: ${coverage.percent}% covered`}
      />
      <Text size="sm" c="dimmed">
        {coverage.met}/{coverage.total}
      </Text>
      <Badge color={colour[coverage.status]} variant="light">
        {label[coverage.status]}
      </Badge>
    </Group>
  );
}
