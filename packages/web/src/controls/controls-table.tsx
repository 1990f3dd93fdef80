import { Anchor, Checkbox, Table, Text, VisuallyHidden } from "@mantine/core";
import type { Control } from "@openaims/contracts";
import { Link } from "react-router";
import { applicabilityLabel, evidenceLabels, implementationLabels } from "./control-labels";
import { EffectiveStatusBadge } from "./effective-status-badge";
import type { ControlSelection } from "./use-control-selection";

interface Props {
  controls: Control[];
  basePath: string;
  /** Row checkboxes for bulk decisions; left out for people who cannot change controls. */
  selection?: ControlSelection;
}

/** Controls with their decision, implementation, evidence and effective status. */
export function ControlsTable({ controls, basePath, selection }: Props) {
  if (controls.length === 0) return <Text>No controls match these filters.</Text>;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th scope="col">
                <VisuallyHidden>Selected</VisuallyHidden>
              </Table.Th>
            )}
            <Table.Th scope="col">Control</Table.Th>
            <Table.Th scope="col">Title</Table.Th>
            <Table.Th scope="col">Applicability</Table.Th>
            <Table.Th scope="col">Implementation</Table.Th>
            <Table.Th scope="col">Evidence</Table.Th>
            <Table.Th scope="col">Effective status</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col">Risks</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {controls.map((control) => (
            <Table.Tr key={control.id}>
              {selection && (
                <Table.Td>
                  <Checkbox
                    aria-label={`Select ${control.ref}`}
                    checked={selection.isSelected(control.id)}
                    onChange={() => selection.toggle(control.id)}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <Anchor component={Link} to={`${basePath}/${control.id}`}>
                  {control.ref}
                </Anchor>
              </Table.Td>
              <Table.Td>{control.title}</Table.Td>
              <Table.Td>{applicabilityLabel(control.applicable)}</Table.Td>
              <Table.Td>{implementationLabels[control.implementationStatus]}</Table.Td>
              <Table.Td>{evidenceLabels[control.evidence.state]}</Table.Td>
              <Table.Td>
                <EffectiveStatusBadge status={control.effectiveStatus} />
              </Table.Td>
              <Table.Td>{control.owner?.name ?? "—"}</Table.Td>
              <Table.Td>{control.risks.map((risk) => risk.ref).join(", ") || "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
