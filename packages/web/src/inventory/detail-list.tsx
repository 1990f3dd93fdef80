import { Table, Text } from "@mantine/core";
import type { ReactNode } from "react";

export interface DetailItem {
  label: string;
  value: ReactNode;
}

/** A record's fields as label/value rows; empty values show a dash. */
export function DetailList({ items, caption }: { items: DetailItem[]; caption: string }) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder verticalSpacing="xs">
      <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>{caption}</Table.Caption>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.label}>
            <Table.Th scope="row" w={220}>
              {item.label}
            </Table.Th>
            <Table.Td>
              {item.value === "" || item.value === null || item.value === undefined ? (
                <Text c="dimmed">—</Text>
              ) : typeof item.value === "string" ? (
                <Text style={{ whiteSpace: "pre-wrap" }}>{item.value}</Text>
              ) : (
                item.value
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
