import { Badge, Group, Stack, Table, Text, Title } from "@mantine/core";
import type { ImportReport } from "@openaims/contracts";
import { StatusBadge } from "../ui/status-badge";

/**
 * What a checked file would do (or did): the counts, every error by row and column, and each row's
 * action. `keyLabel` and `nameLabel` head the columns of what a row matches by and what it names.
 */
export function ImportReportView({
  report,
  keyLabel = "Slug",
  nameLabel = "Name",
}: {
  report: ImportReport;
  keyLabel?: string;
  nameLabel?: string;
}) {
  const { summary } = report;
  return (
    <Stack>
      <Group gap="xs" role="group" aria-label="Summary">
        <Badge variant="light">{summary.rows} rows</Badge>
        <Badge color="green" variant="light">
          {summary.create} new
        </Badge>
        <Badge color="blue" variant="light">
          {summary.update} with changes
        </Badge>
        <Badge color="gray" variant="light">
          {summary.unchanged} unchanged
        </Badge>
        <Badge color="red" variant="light">
          {summary.errors} errors
        </Badge>
      </Group>
      {report.warnings.map((warning) => (
        <Text key={warning} size="sm" c="orange.9">
          {warning}
        </Text>
      ))}
      {report.errors.length > 0 && (
        <section aria-labelledby="import-errors">
          <Title order={2} size="h4" id="import-errors" mb="xs">
            Errors to fix
          </Title>
          {summary.errors > report.errors.length && (
            <Text size="sm">
              The first {report.errors.length} of {summary.errors} errors are shown.
            </Text>
          )}
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Row</Table.Th>
                <Table.Th scope="col">Column</Table.Th>
                <Table.Th scope="col">Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.errors.map((error) => (
                <Table.Tr key={error.message}>
                  <Table.Td>{error.row ?? "—"}</Table.Td>
                  <Table.Td>{error.column ?? "—"}</Table.Td>
                  <Table.Td>{error.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}
      {report.rows.length > 0 && (
        <section aria-labelledby="import-rows">
          <Title order={2} size="h4" id="import-rows" mb="xs">
            Rows
          </Title>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Row</Table.Th>
                <Table.Th scope="col">{keyLabel}</Table.Th>
                <Table.Th scope="col">{nameLabel}</Table.Th>
                <Table.Th scope="col">Result</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.rows.map((row) => (
                <Table.Tr key={row.row}>
                  <Table.Td>{row.row}</Table.Td>
                  <Table.Td>{row.slug}</Table.Td>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td>
                    <StatusBadge of="importAction" value={row.action} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}
    </Stack>
  );
}
