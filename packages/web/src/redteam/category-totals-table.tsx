import { Table, Text } from "@mantine/core";
import { redteamCategories } from "@openaims/contracts";
import { categoryLabels, verdictLabels } from "./redteam-labels";
import type { Scan } from "./redteam-types";

/** Verdict counts per category that ran, and the totals. */
export function CategoryTotalsTable({ scan }: { scan: Scan }) {
  const rows = redteamCategories.filter((category) => scan.byCategory[category].cases > 0);
  if (rows.length === 0) return <Text c="dimmed">No results yet.</Text>;
  const line = (label: string, counts: Scan["totals"], strong = false) => (
    <Table.Tr key={label} fw={strong ? 600 : undefined}>
      <Table.Th scope="row">{label}</Table.Th>
      <Table.Td>{counts.cases}</Table.Td>
      <Table.Td>{counts.vulnerable}</Table.Td>
      <Table.Td>{counts.blocked}</Table.Td>
      <Table.Td>{counts.notObserved}</Table.Td>
      <Table.Td>{counts.inconclusive}</Table.Td>
      <Table.Td>{counts.error}</Table.Td>
    </Table.Tr>
  );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Category</Table.Th>
            <Table.Th scope="col">Cases</Table.Th>
            <Table.Th scope="col">Vulnerable</Table.Th>
            <Table.Th scope="col">{verdictLabels.blocked}</Table.Th>
            <Table.Th scope="col">Not observed</Table.Th>
            <Table.Th scope="col">Inconclusive</Table.Th>
            <Table.Th scope="col">Error</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((category) => line(categoryLabels[category], scan.byCategory[category]))}
          {line("All categories", scan.totals, true)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
