import { Anchor, Table, Text } from "@mantine/core";
import type { DriftReportRow } from "@openaims/contracts";
import { Link } from "react-router";
import { formatDateTime } from "../ui/format";
import { DriftStatusBadge } from "./drift-badges";

/** Drift reports: each reference opens the report. */
export function DriftReportsTable({ orgId, reports }: { orgId: string; reports: DriftReportRow[] }) {
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Report</Table.Th>
            <Table.Th scope="col">Title</Table.Th>
            <Table.Th scope="col">AI system</Table.Th>
            <Table.Th scope="col">Dataset</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Drifted columns</Table.Th>
            <Table.Th scope="col">Date</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reports.map((report) => (
            <Table.Tr key={report.id}>
              <Table.Td>
                <Anchor component={Link} to={`/o/${orgId}/drift/reports/${report.id}`}>
                  {report.ref}
                </Anchor>
              </Table.Td>
              <Table.Td>{report.title}</Table.Td>
              <Table.Td>{report.system?.name ?? "—"}</Table.Td>
              <Table.Td>{report.asset?.name ?? "—"}</Table.Td>
              <Table.Td>
                <DriftStatusBadge status={report.status} />
              </Table.Td>
              <Table.Td>
                {report.status === "completed" ? (
                  `${report.columnsDrifted} of ${report.columnsTotal}`
                ) : (
                  <Text span c="dimmed" size="sm">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatDateTime(report.completedAt ?? report.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
