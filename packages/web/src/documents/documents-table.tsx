import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatDate } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import { kindLabels } from "./document-labels";
import type { DocumentSummary } from "./document-types";

/** Documents with kind, status, version in force and next review; overdue reviews stand out. */
export function DocumentsTable({ documents }: { documents: DocumentSummary[] }) {
  if (documents.length === 0) return <Text>No documents match these filters.</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Ref</Table.Th>
            <Table.Th scope="col">Title</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">In force</Table.Th>
            <Table.Th scope="col">Next review</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {documents.map((doc) => (
            <Table.Tr key={doc.id} bg={doc.reviewOverdue ? "var(--mantine-color-red-light)" : undefined}>
              <Table.Td>{doc.ref}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={doc.kind === "aims_scope" ? "scope" : doc.id}>
                  {doc.title}
                </Anchor>
                {doc.archivedAt && <StatusBadge ml="xs" of="recordStatus" value="archived" />}
              </Table.Td>
              <Table.Td>{kindLabels[doc.kind]}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <StatusBadge of="documentStatus" value={doc.status} />
                  {doc.workingVersion && doc.status === "approved" && (
                    <Badge variant="outline" color="gray">
                      v{doc.workingVersion.number} {doc.workingVersion.status === "draft" ? "draft" : "in review"}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{doc.approvedVersion ? `v${doc.approvedVersion.number}` : "—"}</Table.Td>
              <Table.Td>
                {formatDate(doc.nextReviewDate)}
                {doc.reviewOverdue && (
                  <StatusBadge ml="xs" tone="danger">
                    Review overdue
                  </StatusBadge>
                )}
              </Table.Td>
              <Table.Td>{doc.owner?.name ?? "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
