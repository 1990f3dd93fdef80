import { Table, Text, Title } from "@mantine/core";
import type { FrameworkMappings } from "./catalogue-types";
import { IsoRefLink } from "./iso-ref-link";
import { matchesSearch } from "./matches-search";

interface Iso27001TableProps {
  data: FrameworkMappings;
  words: string[];
  titleOf: (iso42001: string) => string;
}

/** Our ISO/IEC 27001:2022 crosswalk, each link with the reason it holds. */
export function Iso27001Table({ data, words, titleOf }: Iso27001TableProps) {
  const controlTitle = (id: string) => data.iso27001Controls.find((c) => c.id === id)?.title ?? "";
  const rows = data.crosswalks.iso27001.filter((link) =>
    matchesSearch(words, [
      link.iso42001,
      titleOf(link.iso42001),
      link.iso27001,
      controlTitle(link.iso27001),
      link.rationale,
    ]),
  );
  return (
    <section aria-labelledby="iso27001">
      <Title order={2} size="h3" id="iso27001" mb="xs">
        ISO/IEC 27001:2022
      </Title>
      {rows.length === 0 ? (
        <Text>No link matches this search.</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">ISO/IEC 42001</Table.Th>
                <Table.Th scope="col">ISO/IEC 27001 Annex A</Table.Th>
                <Table.Th scope="col">Why they overlap</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((link) => (
                <Table.Tr key={`${link.iso42001}-${link.iso27001}`}>
                  <Table.Th scope="row" fw="normal">
                    <IsoRefLink id={link.iso42001} label={`${link.iso42001} ${titleOf(link.iso42001)}`.trim()} />
                  </Table.Th>
                  <Table.Td>
                    {link.iso27001} {controlTitle(link.iso27001)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{link.rationale}</Text>
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
