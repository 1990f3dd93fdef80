import { Anchor, Table, Text } from "@mantine/core";
import type { InternalAudit } from "@openaims/contracts";
import { Link } from "react-router";
import { useOrg } from "../shell/current-org";
import { StatusBadge } from "../ui/status-badge";
import { auditStatusTone } from "./audit-tones";

/** Audits with their dates, lead, progress and status; each ref opens the audit. */
export function AuditsTable({ audits }: { audits: readonly InternalAudit[] }) {
  const { orgId } = useOrg();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Ref</Table.Th>
            <Table.Th scope="col">Title</Table.Th>
            <Table.Th scope="col">Planned</Table.Th>
            <Table.Th scope="col">Lead auditor</Table.Th>
            <Table.Th scope="col">Answered</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {audits.map((audit) => (
            <Table.Tr key={audit.id}>
              <Table.Td>
                <Anchor component={Link} to={`/o/${orgId}/audits/${audit.id}`}>
                  {audit.ref}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {audit.title}
                {audit.programme && (
                  <Text size="xs" c="dimmed">
                    {audit.programme.ref} {audit.programme.title}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {audit.plannedStart} to {audit.plannedEnd}
              </Table.Td>
              <Table.Td>{audit.lead?.name ?? "—"}</Table.Td>
              <Table.Td>
                {audit.progress.answered} of {audit.progress.total}
              </Table.Td>
              <Table.Td>
                <StatusBadge of="internalAuditStatus" value={audit.status} tone={auditStatusTone[audit.status]} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
