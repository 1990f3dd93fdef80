import { Stack, Text } from "@mantine/core";
import { PageHeader } from "../ui/page-header";
import { CatalogueNav } from "./catalogue-nav";
import { useCatalogue, useFrameworkMappings } from "./catalogue-queries";
import { CatalogueSearch } from "./catalogue-search";
import { CrosswalkNotes } from "./crosswalk-notes";
import { EuAreaTable } from "./eu-area-table";
import { Iso27001Table } from "./iso27001-table";
import { searchWords } from "./matches-search";
import { NistEuTable } from "./nist-eu-table";
import { QueryState } from "./query-state";
import { useSearchParam } from "./use-search-param";

/** How ISO/IEC 42001 lines up with NIST AI RMF, the EU AI Act and ISO/IEC 27001, filtered by search. */
export default function CrosswalksPage() {
  const frameworks = useFrameworkMappings();
  const catalogue = useCatalogue();
  const [search, setSearch] = useSearchParam();
  const words = searchWords(search);

  return (
    <Stack>
      <PageHeader title="Crosswalks" />
      <CatalogueNav current="crosswalks" />
      <Text>
        One piece of evidence can serve several frameworks. These links show where ISO/IEC 42001 overlaps with others;
        none of them proves conformity with the other framework.
      </Text>
      <CatalogueSearch
        label="Search crosswalks"
        description="An id from any framework (6.1.2, GOVERN 1.1, Art. 9, A.5.23) or words from a title"
        value={search}
        onChange={setSearch}
      />
      <QueryState query={frameworks}>
        {(data) => {
          const titleOf = (id: string) =>
            catalogue.data?.clauses.find((c) => c.id === id)?.title ??
            catalogue.data?.annexA.controls.find((c) => c.id === id)?.title ??
            "";
          return (
            <>
              <NistEuTable data={data} words={words} titleOf={titleOf} />
              <EuAreaTable data={data} words={words} />
              <Iso27001Table data={data} words={words} titleOf={titleOf} />
              <CrosswalkNotes data={data} />
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
