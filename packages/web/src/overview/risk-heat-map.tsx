import { Box, Table, Text } from "@mantine/core";
import type { HomeView } from "@openaims/contracts";
import { ratingColors, ratingLabels } from "../risks/risk-labels";
import { EmptyState, HomeSection } from "./home-section";

type Risks = HomeView["risks"];

/**
 * Open risks on the organisation's own likelihood × impact matrix. The map is a table — highest
 * likelihood on top, as risk matrices are read — so screen readers get every cell with its
 * headings, rating and count.
 */
export function RiskHeatMap({ risks }: { risks: Risks }) {
  if (risks.open === 0)
    return (
      <HomeSection id="home-risks" title="Open risks">
        <EmptyState
          text="No open risks yet. Identify what could go wrong with your AI systems and rate it on your method."
          action="Add a risk"
          path="risks/new"
        />
      </HomeSection>
    );
  const rated = risks.open - risks.unrated;
  const rows = [...risks.likelihoodLevels].reverse();
  return (
    <HomeSection id="home-risks" title="Open risks">
      <Text size="sm">
        {risks.open} open {risks.open === 1 ? "risk" : "risks"}, {rated} placed on your matrix (residual position once
        assessed).{risks.unrated > 0 ? ` ${risks.unrated} not rated yet.` : ""}
      </Text>
      {/* Focusable, so the map can be scrolled sideways by keyboard on a narrow screen. */}
      <Box style={{ overflowX: "auto" }} tabIndex={0} role="group" aria-label="Risk heat map">
        <Table withTableBorder withColumnBorders captionSide="top" ta="center" miw={480}>
          <Table.Caption>
            Open risks per likelihood (rows) and impact (columns), with the rating of each cell
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Likelihood \ Impact</Table.Th>
              {risks.impactLevels.map((level) => (
                <Table.Th scope="col" key={level.level}>
                  {level.level} · {level.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.level}>
                <Table.Th scope="row">
                  {row.level} · {row.label}
                </Table.Th>
                {risks.impactLevels.map((column) => {
                  const cell = risks.cells.find((c) => c.likelihood === row.level && c.impact === column.level);
                  if (!cell) return <Table.Td key={column.level} />;
                  const color = ratingColors[cell.rating];
                  return (
                    <Table.Td
                      key={column.level}
                      bg={cell.count > 0 ? `${color}.2` : `${color}.0`}
                      data-count={cell.count}
                    >
                      <Text fw={cell.count > 0 ? 700 : 400} size="lg" c="dark.9">
                        {cell.count}
                      </Text>
                      <Text size="xs" c="dark.7">
                        {ratingLabels[cell.rating]}
                      </Text>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      {risks.unrated > 0 && (
        <EmptyState
          text={`${risks.unrated} open ${risks.unrated === 1 ? "risk has" : "risks have"} no likelihood and impact yet.`}
          action="Rate them in the register"
          path="risks"
        />
      )}
    </HomeSection>
  );
}
