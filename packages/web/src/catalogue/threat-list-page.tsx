import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { PageHeader } from "../ui/page-header";
import { CatalogueNav } from "./catalogue-nav";
import { useCataloguePath } from "./catalogue-paths";
import { useThreatLibrary } from "./catalogue-queries";
import { CatalogueSearch } from "./catalogue-search";
import type { CatalogueThreat } from "./catalogue-types";
import { matchesSearch, searchWords } from "./matches-search";
import { QueryState } from "./query-state";
import { useSearchParam } from "./use-search-param";

function threatTexts(threat: CatalogueThreat): string[] {
  return [
    threat.id,
    threat.title,
    threat.description,
    ...threat.owaspLlm,
    ...threat.owaspAgentic,
    ...threat.atlasTactics,
    ...threat.annexCRiskSources,
    ...threat.suggestedControls,
  ];
}

/** The AI threat library as cards, filtered by the search box (titles, text or any mapped id). */
export default function ThreatListPage() {
  const query = useThreatLibrary();
  const pathTo = useCataloguePath();
  const [search, setSearch] = useSearchParam();
  const words = searchWords(search);

  return (
    <Stack>
      <PageHeader title="Threat library" />
      <CatalogueNav current="threats" />
      <Text>
        Starting points for AI risks, each mapped to Annex C risk sources, OWASP, MITRE ATLAS and the Annex A controls
        that usually treat it.
      </Text>
      <CatalogueSearch
        label="Search threats"
        description="Title, description or a mapped id such as LLM01:2025 or A.6.2.4"
        value={search}
        onChange={setSearch}
      />
      <QueryState query={query}>
        {({ threats }) => {
          const matching = threats.filter((threat) => matchesSearch(words, threatTexts(threat)));
          if (matching.length === 0) return <Text>No threat matches “{search}”.</Text>;
          return (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {matching.map((threat) => (
                <Card key={threat.id} withBorder component="article" aria-labelledby={`threat-${threat.id}`}>
                  <Title order={2} size="h4" id={`threat-${threat.id}`}>
                    <Anchor component={Link} to={pathTo("threats", threat.id)} inherit>
                      {threat.title}
                    </Anchor>
                  </Title>
                  <Text size="sm" mt="xs">
                    {threat.description}
                  </Text>
                  <Group gap={4} mt="sm">
                    {[...threat.owaspLlm, ...threat.owaspAgentic].map((id) => (
                      <Badge key={id} variant="light">
                        {id}
                      </Badge>
                    ))}
                  </Group>
                </Card>
              ))}
            </SimpleGrid>
          );
        }}
      </QueryState>
    </Stack>
  );
}
