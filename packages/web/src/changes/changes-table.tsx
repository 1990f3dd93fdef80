import { Anchor, Table, Text } from "@mantine/core";
import { type Change, labelOf } from "@openaims/contracts";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatDateTime } from "../ui/format";
import { ChangeStatusBadge, MaterialBadge } from "./change-badges";

interface Props {
  orgId: string;
  changes: Change[];
  /** The empty state's next step, which depends on the filters and the reader's rights. */
  empty: ReactNode;
}

/** The change log: each reference opens the change. */
export function ChangesTable({ orgId, changes, empty }: Props) {
  if (changes.length === 0) return <Text>{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Change</Table.Th>
            <Table.Th scope="col">AI system</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Summary</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Requested by</Table.Th>
            <Table.Th scope="col">Recorded</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((change) => (
            <Table.Tr key={change.id}>
              <Table.Td>
                <Anchor component={Link} to={`/o/${orgId}/changes/${change.id}`}>
                  {change.ref}
                </Anchor>
              </Table.Td>
              <Table.Td>{change.system.name}</Table.Td>
              <Table.Td>{labelOf("changeKind", change.kind)}</Table.Td>
              <Table.Td>
                {change.summary} <MaterialBadge material={change.material} />
              </Table.Td>
              <Table.Td>
                <ChangeStatusBadge status={change.status} />
              </Table.Td>
              <Table.Td>{change.requestedBy?.name ?? "—"}</Table.Td>
              <Table.Td>{formatDateTime(change.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
