import { Anchor, Badge, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { PageHeader } from "../ui/page-header";
import { CatalogueNav } from "./catalogue-nav";
import { useCataloguePath } from "./catalogue-paths";
import { useCatalogue } from "./catalogue-queries";
import { CatalogueSearch } from "./catalogue-search";
import type { CatalogueControl } from "./catalogue-types";
import { matchesSearch, searchWords } from "./matches-search";
import { QueryState } from "./query-state";
import { useSearchParam } from "./use-search-param";

function controlTexts(control: CatalogueControl, areaTitle: string): string[] {
  const { asks, typicalEvidence, pitfalls } = control.guidance;
  return [control.id, control.title, areaTitle, ...control.titleVariants, asks, ...typicalEvidence, ...pitfalls];
}

/** The 38 Annex A controls by area, with each area's objective, filtered by the search box. */
export default function ControlListPage() {
  const query = useCatalogue();
  const pathTo = useCataloguePath();
  const [search, setSearch] = useSearchParam();
  const words = searchWords(search);

  return (
    <Stack>
      <PageHeader title="Annex A controls" />
      <CatalogueNav current="controls" />
      <CatalogueSearch
        label="Search controls"
        description="Id, title, area or words from the guidance"
        value={search}
        onChange={setSearch}
      />
      <QueryState query={query}>
        {({ annexA }) => {
          const groups = annexA.areas
            .map((area) => ({
              area,
              objectives: annexA.objectives.filter((o) => o.areaId === area.id),
              controls: annexA.controls.filter(
                (c) => c.areaId === area.id && matchesSearch(words, controlTexts(c, area.title)),
              ),
            }))
            .filter((group) => group.controls.length > 0);
          if (groups.length === 0) return <Text>No control matches “{search}”.</Text>;
          return groups.map(({ area, objectives, controls }) => (
            <section key={area.id} aria-labelledby={`area-${area.id}`}>
              <Title order={2} size="h3" id={`area-${area.id}`}>
                {area.id} {area.title}
              </Title>
              {objectives.map((objective) => (
                <Text key={objective.id} size="sm" c="dimmed">
                  {objective.group ? `${objective.group}: ` : "Objective: "}
                  {objective.summary}
                </Text>
              ))}
              <Stack gap="xs" mt="xs">
                {controls.map((control) => (
                  <Group key={control.id} gap="sm" wrap="nowrap" align="baseline">
                    <Anchor component={Link} to={pathTo("controls", control.id)} fw={600}>
                      {control.id} {control.title}
                    </Anchor>
                    <Badge variant="light" style={{ flexShrink: 0 }}>
                      Evidence every {control.guidance.suggestedFreshnessDays} days
                    </Badge>
                  </Group>
                ))}
              </Stack>
            </section>
          ));
        }}
      </QueryState>
    </Stack>
  );
}
