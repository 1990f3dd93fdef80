import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { PageHeader } from "../ui/page-header";
import { CatalogueNav } from "./catalogue-nav";
import { useCataloguePath } from "./catalogue-paths";
import { useCatalogue } from "./catalogue-queries";
import { CatalogueSearch } from "./catalogue-search";
import type { CatalogueClause } from "./catalogue-types";
import { matchesSearch, searchWords } from "./matches-search";
import { QueryState } from "./query-state";
import { useSearchParam } from "./use-search-param";

function clauseTexts(clause: CatalogueClause): string[] {
  const { asks, typicalEvidence, pitfalls } = clause.guidance;
  return [clause.id, clause.title, asks, ...typicalEvidence, ...pitfalls];
}

/** Clauses 4–10 grouped under their top-level clause, filtered by the search box. */
export default function ClauseListPage() {
  const query = useCatalogue();
  const pathTo = useCataloguePath();
  const [search, setSearch] = useSearchParam();
  const words = searchWords(search);

  return (
    <Stack>
      <PageHeader title="Clauses 4–10" />
      <CatalogueNav current="clauses" />
      <CatalogueSearch
        label="Search clauses"
        description="Number, title or words from the guidance"
        value={search}
        onChange={setSearch}
      />
      <QueryState query={query}>
        {(catalogue) => {
          const matching = catalogue.clauses.filter((clause) => matchesSearch(words, clauseTexts(clause)));
          const tops = catalogue.clauses.filter((clause) => clause.parentId === null);
          const groups = tops
            .map((top) => ({ top, items: matching.filter((c) => c.id === top.id || c.id.startsWith(`${top.id}.`)) }))
            .filter((group) => group.items.length > 0);
          if (groups.length === 0) return <Text>No clause matches “{search}”.</Text>;
          return groups.map(({ top, items }) => (
            <section key={top.id} aria-labelledby={`clause-group-${top.id}`}>
              <Title order={2} size="h3" id={`clause-group-${top.id}`} mb="xs">
                {top.id} {top.title}
              </Title>
              <Stack gap="xs">
                {items.map((clause) => (
                  <div key={clause.id}>
                    <Anchor component={Link} to={pathTo("clauses", clause.id)} fw={600}>
                      {clause.id} {clause.title}
                    </Anchor>
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {clause.guidance.asks}
                    </Text>
                  </div>
                ))}
              </Stack>
            </section>
          ));
        }}
      </QueryState>
    </Stack>
  );
}
