import { Table, Text } from "@mantine/core";
import type { DriftReport } from "@openaims/contracts";
import { DriftedBadge } from "./drift-badges";

type Column = DriftReport["columns"][number];

const kindLabels: Record<Column["kind"], string> = { numeric: "Numeric", categorical: "Categorical", text: "Text" };

function number(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined) return "—";
  if (value !== 0 && Math.abs(value) < 10 ** -digits) return value.toExponential(2);
  return value.toFixed(digits);
}

/** The statistics of a column in words: KS and Wasserstein for numbers, chi-square for categories. */
function statisticsOf(column: Column): string {
  const stats = column.statistics;
  if (!stats) return "Not computed: one side has no values";
  if (stats.kind === "numeric")
    return `KS ${number(stats.ks.statistic)} (p ${number(stats.ks.pValue)}), Wasserstein ${number(stats.wasserstein)}`;
  if (stats.kind === "categorical") {
    const chi = stats.chiSquare
      ? `χ² ${number(stats.chiSquare.statistic, 2)} (p ${number(stats.chiSquare.pValue)})`
      : "χ² not applicable";
    const changes = [
      stats.newCategories.length > 0 ? `${stats.newCategories.length} new` : null,
      stats.missingCategories.length > 0 ? `${stats.missingCategories.length} missing` : null,
    ].filter(Boolean);
    return changes.length > 0 ? `${chi}; categories: ${changes.join(", ")}` : chi;
  }
  const drifted = stats.descriptors.filter((d) => d.drifted).map((d) => d.descriptor.replace(/_/g, " "));
  return drifted.length > 0 ? `Descriptors drifted: ${drifted.join(", ")}` : "No descriptor drifted";
}

function psiOf(column: Column): number | null {
  const stats = column.statistics;
  if (!stats) return null;
  if (stats.kind === "numeric" || stats.kind === "categorical") return stats.psi.value;
  const values = stats.descriptors.map((d) => d.statistics.psi.value);
  return values.length > 0 ? Math.max(...values) : null;
}

/** Each compared column: kind, whether it drifted and why, its statistics, PSI and missing values. */
export function DriftColumnsTable({ report }: { report: DriftReport }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Column</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Drift</Table.Th>
            <Table.Th scope="col">Statistics</Table.Th>
            <Table.Th scope="col">PSI</Table.Th>
            <Table.Th scope="col">Missing (reference → current)</Table.Th>
            <Table.Th scope="col">Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.columns.map((column) => (
            <Table.Tr key={column.name}>
              <Table.Th scope="row">
                {column.name}
                {column.role !== "feature" && (
                  <Text span size="xs" c="dimmed">
                    {" "}
                    ({column.role})
                  </Text>
                )}
              </Table.Th>
              <Table.Td>{kindLabels[column.kind]}</Table.Td>
              <Table.Td>
                <DriftedBadge drifted={column.drifted} />
              </Table.Td>
              <Table.Td>{statisticsOf(column)}</Table.Td>
              <Table.Td>{number(psiOf(column))}</Table.Td>
              <Table.Td>
                {(column.missing.reference.share * 100).toFixed(1)}% → {(column.missing.current.share * 100).toFixed(1)}
                %
              </Table.Td>
              <Table.Td>{column.reasons.join("; ")}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
