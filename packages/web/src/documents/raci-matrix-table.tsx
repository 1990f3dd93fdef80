import { Badge, Button, Group, Table, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useOrg } from "../shell/current-org";
import { StatusBadge } from "../ui/status-badge";
import { processLabels, raciLabels, raciLetters } from "./document-labels";
import type { MatrixRow, ResponsibilityMatrix } from "./document-types";
import { EndAssignmentModal, type EndingAssignment } from "./end-assignment-modal";

const gapWords = {
  no_accountable: "No one accountable",
  several_accountable: "More than one accountable",
  no_responsible: "No one responsible",
} as const;

function subjectName(row: MatrixRow): string {
  return row.process ? processLabels[row.process] : (row.system?.name ?? "AI system");
}

/** Rows are processes and systems, columns are people, cells hold their R, A, C and I. */
export function RaciMatrixTable({ matrix }: { matrix: ResponsibilityMatrix }) {
  const { can } = useOrg();
  const writable = can("governance.write");
  const [ending, setEnding] = useState<EndingAssignment | null>(null);

  return (
    <>
      <Table.ScrollContainer minWidth={480 + matrix.members.length * 110}>
        <Table withTableBorder withColumnBorders verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Process or AI system</Table.Th>
              <Table.Th scope="col">Coverage</Table.Th>
              {matrix.members.map((member) => (
                <Table.Th scope="col" key={member.id}>
                  {member.name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {matrix.rows.map((row) => {
              const name = subjectName(row);
              return (
                <Table.Tr key={row.process ?? row.system?.id}>
                  <Table.Th scope="row">
                    <Text size="sm">{name}</Text>
                    <Text size="xs" c="dimmed">
                      {row.subjectType === "process" ? "AIMS process" : "AI system"}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <StatusBadge tone={row.coverage.covered ? "success" : "danger"}>
                      {row.coverage.covered ? "Covered" : "Not covered"}
                    </StatusBadge>
                    {row.coverage.gaps.map((gap) => (
                      <Text key={gap} size="xs" c="dimmed">
                        {gapWords[gap]}
                      </Text>
                    ))}
                  </Table.Td>
                  {matrix.members.map((member) => (
                    <Table.Td key={member.id}>
                      <Group gap={4}>
                        {row.assignments
                          .filter((a) => a.memberId === member.id)
                          .map((a) => {
                            const description = `${member.name} is ${raciLabels[a.raciRole].toLowerCase()} for ${name}`;
                            return writable ? (
                              <Button
                                key={a.id}
                                size="compact-xs"
                                variant="light"
                                title={`${description}${a.note ? ` — ${a.note}` : ""}`}
                                aria-label={`End: ${description}`}
                                onClick={() => setEnding({ id: a.id, version: a.version, description })}
                              >
                                {raciLetters[a.raciRole]}
                              </Button>
                            ) : (
                              <Badge key={a.id} variant="light" title={description}>
                                <span aria-hidden="true">{raciLetters[a.raciRole]}</span>
                                <VisuallyHidden>{raciLabels[a.raciRole]}</VisuallyHidden>
                              </Badge>
                            );
                          })}
                      </Group>
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <EndAssignmentModal assignment={ending} onClose={() => setEnding(null)} />
    </>
  );
}
