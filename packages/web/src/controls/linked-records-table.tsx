import { Anchor, Button, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";

/** One linked record as the table shows it. */
export interface LinkedRecordRow {
  id: string;
  ref: string;
  title: string;
  href: string;
  status: ReactNode;
}

interface Props {
  rows: readonly LinkedRecordRow[];
  /** Heading of the reference column, e.g. "Risk". */
  refLabel: string;
  statusLabel: string;
  emptyText: string;
  canWrite: boolean;
  unlink: { isPending: boolean; variables: string | undefined; mutate: (id: string) => void };
}

/** The records on the other side of a control–risk link, each with an Unlink button for editors. */
export function LinkedRecordsTable({ rows, refLabel, statusLabel, emptyText, canWrite, unlink }: Props) {
  if (rows.length === 0) return <Text>{emptyText}</Text>;
  return (
    <Table verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{refLabel}</Table.Th>
          <Table.Th scope="col">Title</Table.Th>
          <Table.Th scope="col">{statusLabel}</Table.Th>
          {canWrite && <Table.Th scope="col">Actions</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id}>
            <Table.Td>
              <Anchor component={Link} to={row.href}>
                {row.ref}
              </Anchor>
            </Table.Td>
            <Table.Td>{row.title}</Table.Td>
            <Table.Td>{row.status}</Table.Td>
            {canWrite && (
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  aria-label={`Unlink ${row.ref}`}
                  loading={unlink.isPending && unlink.variables === row.id}
                  onClick={() => unlink.mutate(row.id)}
                >
                  Unlink
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
