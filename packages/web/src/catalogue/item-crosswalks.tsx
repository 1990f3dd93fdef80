import { List, Stack, Text, Title } from "@mantine/core";
import { useFrameworkMappings } from "./catalogue-queries";
import { QueryState } from "./query-state";

/** NIST AI RMF, EU AI Act and ISO/IEC 27001 links of one clause or control, shown on its page. */
export function ItemCrosswalks({ iso42001 }: { iso42001: string }) {
  const query = useFrameworkMappings(iso42001);
  return (
    <section aria-labelledby="item-crosswalks">
      <Title order={2} size="h4" id="item-crosswalks" mb="xs">
        Related frameworks
      </Title>
      <QueryState query={query}>
        {(data) => {
          const titleOf = (list: { id: string; title: string }[], id: string) =>
            list.find((item) => item.id === id)?.title ?? "";
          const nist = [...new Set(data.crosswalks.entries.flatMap((entry) => entry.nistAiRmf))];
          const eu = [...new Set(data.crosswalks.entries.flatMap((entry) => entry.euAiAct))];
          const { iso27001, euAiActAreas } = data.crosswalks;
          if (nist.length + eu.length + iso27001.length + euAiActAreas.length === 0) {
            return <Text>No crosswalk links this item to another framework.</Text>;
          }
          return (
            <Stack gap="sm">
              <TextList heading="NIST AI RMF" items={nist.map((id) => `${id}: ${titleOf(data.nistAiRmf, id)}`)} />
              <TextList
                heading="EU AI Act (analytical alignment, not official)"
                items={[
                  ...eu.map((id) => `${id}: ${titleOf(data.euAiActArticles, id)}`),
                  ...euAiActAreas.map((link) => `${link.label}, by area: ${link.note}`),
                ]}
              />
              <TextList
                heading="ISO/IEC 27001:2022"
                items={iso27001.map(
                  (link) => `${link.iso27001} ${titleOf(data.iso27001Controls, link.iso27001)}: ${link.rationale}`,
                )}
              />
            </Stack>
          );
        }}
      </QueryState>
    </section>
  );
}

function TextList({ heading, items }: { heading: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <Title order={3} size="h5">
        {heading}
      </Title>
      <List size="sm">
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </div>
  );
}
