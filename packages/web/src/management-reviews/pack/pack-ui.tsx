import { Group, Table, Text, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";
import { StatusBadge } from "../../ui/status-badge";
import type { Tone } from "../../ui/status-tones";

/** Counts shown as labelled badges, e.g. "Open 3 · Closed 1"; a zero count is shown plainly. */
export function Counts({
  label,
  items,
}: {
  label: string;
  items: readonly { label: string; count: number; tone?: Tone }[];
}) {
  return (
    <Group gap="xs" wrap="wrap" align="center">
      <Text size="sm" fw={500} component="span">
        {label}:
      </Text>
      {items.map((item) => (
        <StatusBadge
          key={item.label}
          tone={item.count > 0 ? (item.tone ?? "neutral") : "neutral"}
          variant={item.count > 0 ? "light" : "outline"}
        >
          {item.label} {item.count.toLocaleString()}
        </StatusBadge>
      ))}
    </Group>
  );
}

/** A plain fact: label then value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm">
      <Text span fw={500}>
        {label}:
      </Text>{" "}
      {children}
    </Text>
  );
}

/** "3 incidents." or "Showing 200 of 5,000 risks." under a list that may be cut short. */
export function Shown({
  list,
  one,
  many,
}: {
  list: { total: number; truncated: boolean; items: readonly unknown[] };
  one: string;
  many: string;
}) {
  return (
    <Text size="sm" c="dimmed">
      {list.truncated
        ? `Showing ${list.items.length.toLocaleString()} of ${list.total.toLocaleString()} ${many}.`
        : `${list.total.toLocaleString()} ${list.total === 1 ? one : many}.`}
    </Text>
  );
}

/** The cells of one row, in column order (a function, so each cell needs no React key of its own). */
export function cellsOf(...cells: ReactNode[]): ReactNode[] {
  return cells;
}

/** A table with a caption for screen readers, or the empty text when it has no rows. */
export function DataTable({
  caption,
  columns,
  rows,
  empty,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
  empty: string;
}) {
  if (rows.length === 0) return <Text size="sm">{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="xs" fz="sm">
        <caption>
          <VisuallyHidden component="span">{caption}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              {row.cells.map((cell, i) => (
                <Table.Td key={columns[i]}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
