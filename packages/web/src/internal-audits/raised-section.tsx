import { Anchor, Stack, Table, Text, Title } from "@mantine/core";
import type { InternalAuditDetail } from "@openaims/contracts";
import { Link } from "react-router";
import { improvementTone, severityTone, statusTone } from "../nonconformities/nonconformity-tones";
import { StatusBadge } from "../ui/status-badge";

/** The nonconformities and improvements raised from the audit's results, each linking to its record. */
export function RaisedSection({ orgId, audit }: { orgId: string; audit: InternalAuditDetail }) {
  const requirementOf = (itemId: string) => audit.items.find((item) => item.id === itemId)?.requirementId ?? "";
  const empty = audit.nonconformities.length === 0 && audit.improvements.length === 0;
  return (
    <Stack component="section" aria-labelledby="raised-heading" gap="xs">
      <Title order={2} size="h3" id="raised-heading">
        Nonconformities and improvements raised
      </Title>
      {empty ? (
        <Text>
          None yet. A minor or major nonconformity result raises a nonconformity from its checklist item; an opportunity
          for improvement is logged the same way.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Ref</Table.Th>
                <Table.Th scope="col">Requirement</Table.Th>
                <Table.Th scope="col">Title</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {audit.nonconformities.map((nc) => (
                <Table.Tr key={nc.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/o/${orgId}/nonconformities/${nc.id}`}>
                      {nc.ref}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{requirementOf(nc.itemId)}</Table.Td>
                  <Table.Td>{nc.title}</Table.Td>
                  <Table.Td>
                    <StatusBadge of="nonconformitySeverity" value={nc.severity} tone={severityTone[nc.severity]} />{" "}
                    <StatusBadge of="nonconformityStatus" value={nc.status} tone={statusTone[nc.status]} />
                  </Table.Td>
                </Table.Tr>
              ))}
              {audit.improvements.map((imp) => (
                <Table.Tr key={imp.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/o/${orgId}/nonconformities/improvements`}>
                      {imp.ref}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{requirementOf(imp.itemId)}</Table.Td>
                  <Table.Td>{imp.title}</Table.Td>
                  <Table.Td>
                    <StatusBadge of="improvementStatus" value={imp.status} tone={improvementTone[imp.status]} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
