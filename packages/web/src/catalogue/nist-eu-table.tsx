import { Table, Text, Title } from "@mantine/core";
import type { FrameworkMappings } from "./catalogue-types";
import { IsoRefLink } from "./iso-ref-link";
import { matchesSearch } from "./matches-search";

interface NistEuTableProps {
  data: FrameworkMappings;
  words: string[];
  titleOf: (iso42001: string) => string;
}

/** Per clause or control: the NIST AI RMF subcategories and EU AI Act articles it relates to. */
export function NistEuTable({ data, words, titleOf }: NistEuTableProps) {
  const nistTitle = (id: string) => data.nistAiRmf.find((e) => e.id === id)?.title ?? "";
  const euTitle = (id: string) => data.euAiActArticles.find((a) => a.id === id)?.title ?? "";
  const rows = data.crosswalks.entries
    .filter((entry) => entry.nistAiRmf.length + entry.euAiAct.length > 0)
    .filter((entry) =>
      matchesSearch(words, [
        entry.iso42001,
        titleOf(entry.iso42001),
        ...entry.nistAiRmf.flatMap((id) => [id, nistTitle(id)]),
        ...entry.euAiAct.flatMap((id) => [id, euTitle(id)]),
      ]),
    );
  return (
    <section aria-labelledby="nist-eu">
      <Title order={2} size="h3" id="nist-eu" mb="xs">
        NIST AI RMF and EU AI Act
      </Title>
      {rows.length === 0 ? (
        <Text>No link matches this search.</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">ISO/IEC 42001</Table.Th>
                <Table.Th scope="col">NIST AI RMF subcategories</Table.Th>
                <Table.Th scope="col">EU AI Act articles</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((entry) => (
                <Table.Tr key={entry.iso42001}>
                  <Table.Th scope="row" fw="normal">
                    <IsoRefLink id={entry.iso42001} label={`${entry.iso42001} ${titleOf(entry.iso42001)}`.trim()} />
                  </Table.Th>
                  <Table.Td>
                    {entry.nistAiRmf.map((id) => (
                      <Text key={id} size="sm">
                        {id}{" "}
                        <Text span size="sm" c="dimmed">
                          {nistTitle(id)}
                        </Text>
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    {entry.euAiAct.map((id) => (
                      <Text key={id} size="sm">
                        {id} {euTitle(id)}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
