import { Anchor, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { categoryLabels, findingStatusLabels } from "./redteam-labels";
import type { Finding } from "./redteam-types";
import { SeverityBadge } from "./severity-badge";

interface Props {
  orgId: string;
  findings: Finding[];
  canWrite: boolean;
  busyId: string | null;
  onRaiseRisk: (finding: Finding) => void;
  onRaiseNonconformity: (finding: Finding) => void;
  onDismiss: (finding: Finding) => void;
}

function Tags({ tags }: { tags: Finding["tags"] }) {
  const ids = [...tags.owaspLlm, ...tags.owaspAgentic, ...tags.atlas, ...tags.isoControls];
  return (
    <Group gap={4}>
      {ids.map((id) => (
        <Badge key={id} variant="outline" color="gray" size="sm">
          {id}
        </Badge>
      ))}
    </Group>
  );
}

function Outcome({ orgId, finding }: { orgId: string; finding: Finding }) {
  return (
    <Stack gap={4}>
      <Text size="sm">{findingStatusLabels[finding.status]}</Text>
      {finding.risk && (
        <Anchor component={Link} to={`/o/${orgId}/risks/${finding.risk.id}`} size="sm">
          {finding.risk.ref}
        </Anchor>
      )}
      {finding.nonconformity && (
        <Anchor component={Link} to={`/o/${orgId}/security-tests/nonconformities`} size="sm">
          {finding.nonconformity.ref}
        </Anchor>
      )}
      {finding.dismissalReason && <Text size="sm">{finding.dismissalReason}</Text>}
    </Stack>
  );
}

/** One row per vulnerable case, most severe first, with what to do about each. */
export function FindingsTable(props: Props) {
  const { orgId, findings, canWrite, busyId } = props;
  if (findings.length === 0) return <Text>No case was vulnerable.</Text>;
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" miw={100}>
              Severity
            </Table.Th>
            <Table.Th scope="col">Probe</Table.Th>
            <Table.Th scope="col">What was seen</Table.Th>
            <Table.Th scope="col">Tags</Table.Th>
            <Table.Th scope="col">Outcome</Table.Th>
            {canWrite && <Table.Th scope="col">Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {findings.map((finding) => (
            <Table.Tr key={finding.id}>
              <Table.Td>
                <SeverityBadge severity={finding.severity} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {finding.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {finding.caseId} · {categoryLabels[finding.category]}
                  {finding.variant === "plain" ? "" : ` · ${finding.variant}`}
                </Text>
              </Table.Td>
              <Table.Td maw={360}>
                <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} lineClamp={6}>
                  {finding.detail}
                </Text>
              </Table.Td>
              <Table.Td>
                <Tags tags={finding.tags} />
              </Table.Td>
              <Table.Td>
                <Outcome orgId={orgId} finding={finding} />
              </Table.Td>
              {canWrite && (
                <Table.Td>
                  {finding.status === "open" && (
                    <Stack gap={4}>
                      <Button
                        size="xs"
                        loading={busyId === finding.id}
                        aria-label={`Raise risk from ${finding.caseId}`}
                        onClick={() => props.onRaiseRisk(finding)}
                      >
                        Raise risk
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Raise nonconformity from ${finding.caseId}`}
                        onClick={() => props.onRaiseNonconformity(finding)}
                      >
                        Raise nonconformity
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={`Dismiss ${finding.caseId}`}
                        onClick={() => props.onDismiss(finding)}
                      >
                        Dismiss
                      </Button>
                    </Stack>
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
