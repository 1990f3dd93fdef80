import { Card, Group, SimpleGrid, Text, Title } from "@mantine/core";
import type { SoaSummary } from "@openaims/contracts";
import { EffectiveStatusBadge } from "../effective-status-badge";

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </div>
  );
}

/** Counts of decisions, and of applicable controls by effective status. */
export function SoaSummaryCard({ summary }: { summary: SoaSummary }) {
  const statuses = Object.entries(summary.byEffectiveStatus).filter(([, n]) => n > 0) as [
    keyof SoaSummary["byEffectiveStatus"],
    number,
  ][];
  return (
    <Card withBorder component="section" aria-labelledby="soa-summary-heading">
      <Title order={2} size="h3" id="soa-summary-heading" mb="sm">
        Summary
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="sm">
        <Count label="Controls" value={summary.total} />
        <Count label="Applicable" value={summary.applicable} />
        <Count label="Not applicable" value={summary.notApplicable} />
        <Count label="Undecided" value={summary.undecided} />
      </SimpleGrid>
      <Group gap="xs">
        {statuses.map(([status, n]) => (
          <Group key={status} gap={4}>
            <EffectiveStatusBadge status={status} />
            <Text size="sm">{n}</Text>
          </Group>
        ))}
      </Group>
    </Card>
  );
}
