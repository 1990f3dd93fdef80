import { Anchor, Button, Group, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { StatusBadge } from "../ui/status-badge";
import type { ThreatProposalItem } from "./risk-types";

interface Props {
  orgId: string;
  proposals: ThreatProposalItem[];
  canWrite: boolean;
  accepting: string | null;
  onAccept: (proposal: ThreatProposalItem) => void;
  onDismiss: (proposal: ThreatProposalItem) => void;
}

/** Threats proposed for a system, with the reason and the decision taken. */
export function ProposalsTable({ orgId, proposals, canWrite, accepting, onAccept, onDismiss }: Props) {
  if (proposals.length === 0) return <Text>No threats proposed yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Threat</Table.Th>
            <Table.Th scope="col">Why it was proposed</Table.Th>
            <Table.Th scope="col">Decision</Table.Th>
            {canWrite && <Table.Th scope="col">Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {proposals.map((proposal) => (
            <Table.Tr key={proposal.id}>
              <Table.Td>{proposal.threatTitle}</Table.Td>
              <Table.Td>{proposal.reason}</Table.Td>
              <Table.Td>
                <StatusBadge of="threatProposalStatus" value={proposal.status} />
                {proposal.risk && (
                  <Anchor component={Link} to={`/o/${orgId}/risks/${proposal.risk.id}`} ml="xs">
                    {proposal.risk.ref}
                  </Anchor>
                )}
                {proposal.dismissalReason && <Text size="sm">{proposal.dismissalReason}</Text>}
              </Table.Td>
              {canWrite && (
                <Table.Td>
                  {proposal.status === "proposed" && (
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        aria-label={`Accept ${proposal.threatTitle}`}
                        loading={accepting === proposal.id}
                        onClick={() => onAccept(proposal)}
                      >
                        Accept
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Dismiss ${proposal.threatTitle}`}
                        onClick={() => onDismiss(proposal)}
                      >
                        Dismiss
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
