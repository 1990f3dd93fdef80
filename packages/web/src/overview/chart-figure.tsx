import { Button, Loader, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { type ReactNode, Suspense, useId, useState } from "react";

export interface ChartTable {
  /** Column headings; the first names what each row is. */
  columns: string[];
  rows: (string | number)[][];
}

/**
 * A chart as a figure: a caption that says what it shows, the chart itself hidden from screen
 * readers, and the same numbers as a table — always there for screen readers, shown to everyone
 * on "Show as table".
 */
export function ChartFigure({ summary, table, children }: { summary: string; table: ChartTable; children: ReactNode }) {
  const [asTable, setAsTable] = useState(false);
  const captionId = useId();
  const tableView = (
    <Table striped withTableBorder aria-describedby={captionId}>
      <Table.Thead>
        <Table.Tr>
          {table.columns.map((column) => (
            <Table.Th key={column} scope="col">
              {column}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.rows.map((row) => (
          <Table.Tr key={String(row[0])}>
            {row.map((cell, i) =>
              i === 0 ? (
                <Table.Th key={table.columns[i]} scope="row" fw={400}>
                  {cell}
                </Table.Th>
              ) : (
                <Table.Td key={table.columns[i]}>{cell}</Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Stack component="figure" gap="xs" m={0} aria-labelledby={captionId}>
      <Text component="figcaption" size="sm" c="dimmed" id={captionId}>
        {summary}
      </Text>
      {asTable ? (
        tableView
      ) : (
        <>
          <div aria-hidden="true">
            <Suspense fallback={<Loader size="sm" aria-label="Loading chart" />}>{children}</Suspense>
          </div>
          <VisuallyHidden>{tableView}</VisuallyHidden>
        </>
      )}
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        onClick={() => setAsTable((shown) => !shown)}
        aria-pressed={asTable}
      >
        {asTable ? "Show as chart" : "Show as table"}
      </Button>
    </Stack>
  );
}
