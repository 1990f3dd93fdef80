import { Group, Table, Text, Title } from "@mantine/core";
import type { FrameworkMappings } from "./catalogue-types";
import { IsoRefLink } from "./iso-ref-link";
import { matchesSearch } from "./matches-search";

/** EU AI Act obligations beside the clauses and Annex A areas that come closest. */
export function EuAreaTable({ data, words }: { data: FrameworkMappings; words: string[] }) {
  const rows = data.crosswalks.euAiActAreas.filter((link) =>
    matchesSearch(words, [link.article, link.label, link.note, ...link.iso42001]),
  );
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="eu-areas">
      <Title order={2} size="h3" id="eu-areas" mb="xs">
        EU AI Act by area
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">EU AI Act</Table.Th>
              <Table.Th scope="col">ISO/IEC 42001</Table.Th>
              <Table.Th scope="col">Note</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((link) => (
              <Table.Tr key={link.article}>
                <Table.Th scope="row" fw="normal">
                  {link.label}
                </Table.Th>
                <Table.Td>
                  <Group gap="xs">
                    {link.iso42001.map((id) => (
                      <IsoRefLink key={id} id={id} />
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{link.note}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
