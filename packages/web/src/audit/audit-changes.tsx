import { Code, Table, Text } from "@mantine/core";
import type { AuditEntry } from "./audit-types";

function show(value: unknown): string {
  if (value === undefined || value === null) return "—";
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

/** The fields an audit entry changed, before and after, plus the hashes that chain it. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  return (
    <>
      <Table withTableBorder withColumnBorders captionSide="top">
        <Table.Caption>Changes in entry #{entry.seq}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Field</Table.Th>
            <Table.Th scope="col">Before</Table.Th>
            <Table.Th scope="col">After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {Object.entries(entry.changes).map(([field, change]) => (
            <Table.Tr key={field}>
              <Table.Th scope="row">{field}</Table.Th>
              <Table.Td>
                <Code block>{show(change.before)}</Code>
              </Table.Td>
              <Table.Td>
                <Code block>{show(change.after)}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" mt="xs" style={{ wordBreak: "break-all" }}>
        Request {entry.requestId ?? "—"} · hash {entry.hash} · previous {entry.prevHash}
      </Text>
    </>
  );
}
