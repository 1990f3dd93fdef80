import { Select, Table, Text } from "@mantine/core";
import { type RiskRating, riskRatings } from "@openaims/contracts";
import type { MethodDraft } from "./method-draft";
import { ratingLabels } from "./risk-labels";

interface Props {
  draft: MethodDraft;
  readOnly: boolean;
  onCellChange: (likelihood: number, impact: number, rating: RiskRating) => void;
}

const ratingOptions = riskRatings.map((value) => ({ value, label: ratingLabels[value] }));

/** One rating per likelihood × impact cell; highest likelihood on top. */
export function MatrixEditor({ draft, readOnly, onCellChange }: Props) {
  const rows = draft.likelihoodLevels.map((level, index) => ({ level, index })).reverse();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder withColumnBorders captionSide="top">
        <Table.Caption>Rating for each likelihood (rows) and impact (columns)</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Likelihood \ Impact</Table.Th>
            {draft.impactLevels.map((level, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a level is identified by its position on the scale.
              <Table.Th scope="col" key={`impact-${i + 1}`}>
                {i + 1} · {level.label || "(no label)"}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ level, index: l }) => (
            <Table.Tr key={`likelihood-${l + 1}`}>
              <Table.Th scope="row">
                {l + 1} · {level.label || "(no label)"}
              </Table.Th>
              {draft.impactLevels.map((impact, i) => {
                const rating = draft.matrix[l]?.[i] ?? null;
                const label = `Rating for likelihood ${l + 1} (${level.label}) and impact ${i + 1} (${impact.label})`;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a cell is identified by its position in the matrix.
                  <Table.Td key={`cell-${l + 1}-${i + 1}`}>
                    {readOnly ? (
                      <Text size="sm">{rating ? ratingLabels[rating] : "—"}</Text>
                    ) : (
                      <Select<RiskRating>
                        aria-label={label}
                        data={ratingOptions}
                        value={rating}
                        onChange={(value) => value && onCellChange(l, i, value)}
                        allowDeselect={false}
                        size="xs"
                        w={110}
                      />
                    )}
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
