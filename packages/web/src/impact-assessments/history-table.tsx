import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { useOrg } from "../shell/current-org";
import { formatDate } from "../ui/format";
import { impactPaths } from "./impact-labels";
import type { AssessmentSummary } from "./impact-types";
import { RevisionStatusBadge } from "./state-badge";

/** The revisions of one system's assessment, newest first. */
export function HistoryTable({ revisions }: { revisions: AssessmentSummary[] }) {
  const { orgId } = useOrg();
  if (revisions.length === 0) return <Text>This system has not been assessed yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Revision</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Approved</Table.Th>
            <Table.Th scope="col">Last changed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {revisions.map((revision) => (
            <Table.Tr key={revision.id}>
              <Table.Td>
                <Anchor component={Link} to={impactPaths.assessment(orgId, revision.id)}>
                  {revision.ref} · revision {revision.revision}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <RevisionStatusBadge status={revision.status} archived={revision.archivedAt !== null} />
                {revision.stale && (
                  <Text size="xs" fw={600}>
                    Stale
                  </Text>
                )}
                {revision.archiveReason && <Text size="xs">{revision.archiveReason}</Text>}
              </Table.Td>
              <Table.Td>
                {revision.approvedAt
                  ? `${formatDate(revision.approvedAt)} by ${revision.approvedBy?.name ?? "unknown"}`
                  : "—"}
              </Table.Td>
              <Table.Td>{formatDate(revision.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
