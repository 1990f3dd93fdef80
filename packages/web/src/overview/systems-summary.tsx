import { SimpleGrid, Stack, Text } from "@mantine/core";
import { enumLabels, type HomeView } from "@openaims/contracts";
import { ChartFigure } from "./chart-figure";
import { EmptyState, HomeSection } from "./home-section";
import { CountBars } from "./lazy-charts";

/** AI systems in the inventory by lifecycle stage and by impact tier. */
export function SystemsSummary({ systems }: { systems: HomeView["systems"] }) {
  if (systems.total === 0)
    return (
      <HomeSection id="home-systems" title="AI systems">
        <EmptyState
          text="No AI systems in the inventory yet. Everything else — risks, impact assessments, security tests — hangs off them."
          action="Add an AI system"
          path="inventory/systems/new"
        />
      </HomeSection>
    );
  const stages = systems.byStage.map((s) => ({ label: enumLabels.lifecycleStage[s.stage], count: s.count }));
  const tiers = systems.byTier.map((t) => ({ label: enumLabels.impactTier[t.tier], count: t.count }));
  return (
    <HomeSection id="home-systems" title="AI systems">
      <Text size="sm">
        {systems.total} AI {systems.total === 1 ? "system" : "systems"} in the inventory.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Counts title="By lifecycle stage" what="Stage" data={stages} color="teal.6" />
        <Counts title="By impact tier" what="Impact tier" data={tiers} color="grape.6" />
      </SimpleGrid>
    </HomeSection>
  );
}

function Counts({
  title,
  what,
  data,
  color,
}: {
  title: string;
  what: string;
  data: { label: string; count: number }[];
  color: string;
}) {
  const summary = `AI systems ${title.toLowerCase()}: ${data.map((d) => `${d.label} ${d.count}`).join(", ")}.`;
  return (
    <Stack gap="xs">
      <Text fw={600}>{title}</Text>
      <ChartFigure summary={summary} table={{ columns: [what, "Systems"], rows: data.map((d) => [d.label, d.count]) }}>
        <CountBars data={data} color={color} />
      </ChartFigure>
    </Stack>
  );
}
