import { Anchor, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import type { HomeView } from "@openaims/contracts";
import { Link } from "react-router";
import { useOrg } from "../shell/current-org";
import { formatDate } from "../ui/format";
import { ChartFigure } from "./chart-figure";
import { HomeSection } from "./home-section";
import { PercentBars, PercentLine } from "./lazy-charts";

type Readiness = HomeView["readiness"];

/** The readiness score with its daily trend, and coverage per clause 4–10 and per Annex A area. */
export function ReadinessSummary({ readiness }: { readiness: Readiness }) {
  const { orgId } = useOrg();
  const first = readiness.trend[0];
  const change = first ? readiness.percent - first.percent : 0;
  return (
    <HomeSection id="home-readiness" title="Readiness for certification">
      <Group align="flex-end" gap="lg">
        <Stack gap={0}>
          <Text fz={48} fw={700} lh={1} data-testid="readiness-score">
            {readiness.percent}%
          </Text>
          <Text size="sm" c="dimmed">
            {readiness.met} of {readiness.total} checks met
          </Text>
        </Stack>
        <Text size="sm">
          {readiness.trend.length > 1 && first
            ? `${change >= 0 ? "Up" : "Down"} ${Math.abs(change)} points since ${formatDate(first.day)}.`
            : "The trend fills in as the score is recorded, once a day."}{" "}
          <Anchor component={Link} to={`/o/${orgId}/readiness`}>
            See every gap
          </Anchor>
        </Text>
      </Group>
      {readiness.trend.length > 1 && <Trend trend={readiness.trend} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Coverage title="Clauses 4–10" items={readiness.clauses} />
        <Coverage title="Annex A areas" items={readiness.areas} />
      </SimpleGrid>
    </HomeSection>
  );
}

function Trend({ trend }: { trend: Readiness["trend"] }) {
  const first = trend[0];
  const last = trend.at(-1);
  const summary =
    first && last
      ? `Readiness score per day, from ${first.percent}% on ${formatDate(first.day)} to ${last.percent}% on ${formatDate(last.day)}.`
      : "Readiness score per day.";
  return (
    <ChartFigure
      summary={summary}
      table={{ columns: ["Day", "Score"], rows: trend.map((point) => [formatDate(point.day), `${point.percent}%`]) }}
    >
      <PercentLine
        label="Readiness"
        data={trend.map((point) => ({ x: formatDate(point.day), percent: point.percent }))}
      />
    </ChartFigure>
  );
}

function Coverage({ title, items }: { title: string; items: Readiness["clauses"] }) {
  const weakest = [...items].sort((a, b) => a.percent - b.percent)[0];
  const summary = `${title}: share of checks met for each.${weakest ? ` Least covered: ${weakest.id} ${weakest.title} at ${weakest.percent}%.` : ""}`;
  return (
    <Stack gap="xs">
      <Text fw={600}>{title}</Text>
      <ChartFigure
        summary={summary}
        table={{
          columns: [title.startsWith("Clauses") ? "Clause" : "Area", "Checks met", "Covered"],
          rows: items.map((item) => [`${item.id} ${item.title}`, `${item.met} of ${item.total}`, `${item.percent}%`]),
        }}
      >
        <PercentBars data={items.map((item) => ({ label: shortLabel(item), percent: item.percent }))} />
      </ChartFigure>
    </Stack>
  );
}

/** Chart axis text: the id and the start of the title; the table beside the chart has it in full. */
function shortLabel(item: { id: string; title: string }): string {
  const title = item.title.length > 22 ? `${item.title.slice(0, 21)}…` : item.title;
  return `${item.id} ${title}`;
}
