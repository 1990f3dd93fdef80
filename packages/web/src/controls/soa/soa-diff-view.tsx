import { Badge, List, Stack, Table, Text } from "@mantine/core";
import type { SoaDiff } from "@openaims/contracts";
import { humanize } from "../../ui/format";

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.join(", ") || "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  const text = String(value);
  // Stable keys such as not_applicable read as words; free text stays as written.
  return /^[a-z_]+$/.test(text) ? humanize(text) : text;
};

/** Added, removed and changed rows between two states of the SoA. */
export function SoaDiffView({ diff }: { diff: Pick<SoaDiff, "added" | "removed" | "changed"> }) {
  if (!diff.added.length && !diff.removed.length && !diff.changed.length) return <Text>No differences.</Text>;
  return (
    <Stack gap="sm">
      {diff.added.length > 0 && (
        <div>
          <Badge color="green">Added</Badge>
          <List size="sm">
            {diff.added.map((row) => (
              <List.Item key={row.ref}>{`${row.ref} ${row.title}`}</List.Item>
            ))}
          </List>
        </div>
      )}
      {diff.removed.length > 0 && (
        <div>
          <Badge color="red">Removed</Badge>
          <List size="sm">
            {diff.removed.map((row) => (
              <List.Item key={row.ref}>{`${row.ref} ${row.title}`}</List.Item>
            ))}
          </List>
        </div>
      )}
      {diff.changed.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Control</Table.Th>
                <Table.Th scope="col">Field</Table.Th>
                <Table.Th scope="col">Before</Table.Th>
                <Table.Th scope="col">After</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {diff.changed.flatMap((row) =>
                row.changes.map((change) => (
                  <Table.Tr key={`${row.ref}-${change.field}`}>
                    <Table.Td>{row.ref}</Table.Td>
                    <Table.Td>{humanize(change.field.replace(/([A-Z])/g, "_$1").toLowerCase())}</Table.Td>
                    <Table.Td>{show(change.before)}</Table.Td>
                    <Table.Td>{show(change.after)}</Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
