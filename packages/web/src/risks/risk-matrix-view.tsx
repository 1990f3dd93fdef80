import { Badge, Table, Text } from "@mantine/core";
import { ratingColors, ratingLabels } from "./risk-labels";
import type { RiskMethodData } from "./risk-types";

interface Marker {
  likelihood: number | null;
  impact: number | null;
  label: string;
}

/**
 * The method's matrix with the risk's inherent and residual positions marked. Highest likelihood is
 * the top row, as risk matrices are usually read; every cell states its rating in words.
 */
export function RiskMatrixView({ method, markers }: { method: RiskMethodData; markers: Marker[] }) {
  const rows = method.likelihoodLevels.map((level, index) => ({ level, number: index + 1 })).reverse();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table withTableBorder withColumnBorders captionSide="top">
        <Table.Caption>Likelihood (rows) × impact (columns), as rated by the organisation's method</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Likelihood \ Impact</Table.Th>
            {method.impactLevels.map((level, index) => (
              <Table.Th scope="col" key={level.label}>
                {index + 1} · {level.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ level, number }) => (
            <Table.Tr key={level.label}>
              <Table.Th scope="row">
                {number} · {level.label}
              </Table.Th>
              {method.impactLevels.map((impactLevel, impactIndex) => {
                const rating = method.matrix[number - 1]?.[impactIndex];
                const here = markers.filter((m) => m.likelihood === number && m.impact === impactIndex + 1);
                return (
                  <Table.Td key={impactLevel.label}>
                    {rating && (
                      <Text size="xs" c="dimmed">
                        {ratingLabels[rating]}
                      </Text>
                    )}
                    {here.map((marker) => (
                      <Badge key={marker.label} color={rating ? ratingColors[rating] : "gray"} autoContrast mr={4}>
                        {marker.label}
                      </Badge>
                    ))}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
