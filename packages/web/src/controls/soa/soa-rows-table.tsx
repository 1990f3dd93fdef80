import { Table, Text } from "@mantine/core";
import type { SoaRow } from "@openaims/contracts";
import { applicabilityLabel } from "../control-labels";
import { EffectiveStatusBadge } from "../effective-status-badge";

/** The SoA as a table, one row per control. */
export function SoaRowsTable({ rows }: { rows: SoaRow[] }) {
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped verticalSpacing="xs" aria-label="Statement of Applicability">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Control</Table.Th>
            <Table.Th scope="col">Title</Table.Th>
            <Table.Th scope="col">Applicable</Table.Th>
            <Table.Th scope="col">Justification</Table.Th>
            <Table.Th scope="col">Effective status</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col">Risks</Table.Th>
            <Table.Th scope="col">Evidence</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.ref}>
              <Table.Td>{row.ref}</Table.Td>
              <Table.Td>{row.title}</Table.Td>
              <Table.Td>{applicabilityLabel(row.applicable)}</Table.Td>
              <Table.Td>
                {row.justification ?? "—"}
                {row.overrideReason && <Text size="xs">Override: {row.overrideReason}</Text>}
              </Table.Td>
              <Table.Td>
                <EffectiveStatusBadge status={row.effectiveStatus} />
              </Table.Td>
              <Table.Td>{row.owner ?? "—"}</Table.Td>
              <Table.Td>{row.riskRefs.join(", ") || "—"}</Table.Td>
              <Table.Td>{row.evidenceRefs.join(", ") || "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
