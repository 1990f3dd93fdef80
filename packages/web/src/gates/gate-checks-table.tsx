import { Anchor, Table, Text } from "@mantine/core";
import { type GateCheckResultView, labelOf } from "@openaims/contracts";
import { Link } from "react-router";
import { StatusBadge } from "../ui/status-badge";
import { fixLink } from "./gate-links";

interface Props {
  checks: GateCheckResultView[];
  /** With the system, failing checks link to where they are fixed. */
  fix?: { orgId: string; systemId: string };
}

/** A gate's checklist: each check, what it requires, what the server found, and pass or fail. */
export function GateChecksTable({ checks, fix }: Props) {
  if (checks.length === 0)
    return <Text>This checklist is empty: the gate passes without checks. Add checks in the gate settings.</Text>;
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Check</Table.Th>
            <Table.Th scope="col">Result</Table.Th>
            <Table.Th scope="col">Requires</Table.Th>
            <Table.Th scope="col">Found</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checks.map((check, index) => {
            const link = fix && !check.passed ? fixLink(fix.orgId, fix.systemId, check.kind) : null;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a checklist may repeat a kind; its position is its identity
              <Table.Tr key={index}>
                <Table.Td>{labelOf("gateCheckKind", check.kind)}</Table.Td>
                <Table.Td>
                  <StatusBadge tone={check.passed ? "success" : "danger"}>{check.passed ? "Pass" : "Fail"}</StatusBadge>
                </Table.Td>
                <Table.Td>{check.requirement}</Table.Td>
                <Table.Td>
                  <Text size="sm">{check.finding}</Text>
                  {link && (
                    <Anchor component={Link} to={link.to} size="sm">
                      {link.label}
                    </Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
