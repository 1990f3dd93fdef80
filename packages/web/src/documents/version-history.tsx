import { Button, Table, Text } from "@mantine/core";
import { formatDate, formatDateTime } from "../ui/format";
import type { DocumentVersionSummary } from "./document-types";
import { StatusBadge } from "./status-badge";

interface Props {
  versions: DocumentVersionSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Every version, newest first; one can be opened above. */
export function VersionHistory({ versions, selectedId, onSelect }: Props) {
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Version</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Change summary</Table.Th>
            <Table.Th scope="col">Approved</Table.Th>
            <Table.Th scope="col">Effective</Table.Th>
            <Table.Th scope="col">Open</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version) => (
            <Table.Tr key={version.id}>
              <Table.Td>v{version.number}</Table.Td>
              <Table.Td>
                <StatusBadge status={version.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{version.changeSummary || "—"}</Text>
              </Table.Td>
              <Table.Td>
                {version.approvedAt ? `${formatDateTime(version.approvedAt)}, ${version.approvedBy?.name ?? ""}` : "—"}
              </Table.Td>
              <Table.Td>{formatDate(version.effectiveDate)}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant={version.id === selectedId ? "light" : "default"}
                  aria-pressed={version.id === selectedId}
                  aria-label={`Show version ${version.number}`}
                  onClick={() => onSelect(version.id)}
                >
                  Show
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
