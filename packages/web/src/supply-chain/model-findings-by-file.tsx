import { Anchor, Badge, Button, Card, Code, Group, Stack, Text, Title } from "@mantine/core";
import { enumLabels } from "@openaims/contracts";
import { Link } from "react-router";
import { SeverityBadge } from "../redteam/severity-badge";
import type { ModelFinding } from "./model-scan-labels";

interface Props {
  orgId: string;
  findings: ModelFinding[];
  canWrite: boolean;
  busyId: string | null;
  onRaiseRisk: (finding: ModelFinding) => void;
  onRaiseNonconformity: (finding: ModelFinding) => void;
  onDismiss: (finding: ModelFinding) => void;
}

/** Findings of one file keep the server's order: most severe first, then by place in the file. */
function groupByFile(findings: ModelFinding[]): [string, ModelFinding[]][] {
  const groups = new Map<string, ModelFinding[]>();
  for (const finding of findings) groups.set(finding.file, [...(groups.get(finding.file) ?? []), finding]);
  return [...groups.entries()];
}

function Outcome({ orgId, finding }: { orgId: string; finding: ModelFinding }) {
  if (finding.status === "open") return null;
  return (
    <Group gap="xs">
      <Text size="sm" fw={500}>
        {enumLabels.modelScanFindingStatus[finding.status]}
      </Text>
      {finding.risk && (
        <Anchor component={Link} to={`/o/${orgId}/risks/${finding.risk.id}`} size="sm">
          {finding.risk.ref}
        </Anchor>
      )}
      {finding.nonconformity && (
        <Anchor component={Link} to={`/o/${orgId}/nonconformities/${finding.nonconformity.id}`} size="sm">
          {finding.nonconformity.ref}
        </Anchor>
      )}
      {finding.dismissalReason && <Text size="sm">{finding.dismissalReason}</Text>}
    </Group>
  );
}

function FindingItem(props: Props & { finding: ModelFinding }) {
  const { orgId, finding, canWrite, busyId } = props;
  return (
    <Stack gap={6} py="xs" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <SeverityBadge severity={finding.severity} />
            <Text fw={500}>{finding.title}</Text>
          </Group>
          <Text size="xs" c="dimmed">
            {finding.ruleId}
            {finding.location ? ` · ${finding.location}` : ""}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {finding.detail}
          </Text>
          {finding.tags.cwe.length + finding.tags.owaspAgentic.length > 0 && (
            <Group gap={4}>
              {[...finding.tags.cwe, ...finding.tags.owaspAgentic].map((id) => (
                <Badge key={id} variant="outline" color="gray" size="sm">
                  {id}
                </Badge>
              ))}
            </Group>
          )}
          <Outcome orgId={orgId} finding={finding} />
        </Stack>
        {canWrite && finding.status === "open" && (
          <Group gap={6} wrap="nowrap">
            <Button
              size="xs"
              loading={busyId === finding.id}
              aria-label={`Raise risk from ${finding.title}`}
              onClick={() => props.onRaiseRisk(finding)}
            >
              Raise risk
            </Button>
            <Button
              size="xs"
              variant="default"
              aria-label={`Raise nonconformity from ${finding.title}`}
              onClick={() => props.onRaiseNonconformity(finding)}
            >
              Raise nonconformity
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              aria-label={`Dismiss ${finding.title}`}
              onClick={() => props.onDismiss(finding)}
            >
              Dismiss
            </Button>
          </Group>
        )}
      </Group>
    </Stack>
  );
}

/** One card per file with findings, each finding with what to do about it. */
export function ModelFindingsByFile(props: Props) {
  if (props.findings.length === 0) return <Text>The scan found nothing to report.</Text>;
  return (
    <Stack>
      {groupByFile(props.findings).map(([file, findings]) => (
        <Card key={file} withBorder component="section" aria-label={`Findings in ${file}`}>
          <Title order={3} size="h5" mb={4}>
            <Code style={{ overflowWrap: "anywhere", fontSize: "inherit" }}>{file}</Code>
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            {findings.length} {findings.length === 1 ? "finding" : "findings"}
          </Text>
          {findings.map((finding) => (
            <FindingItem key={finding.id} {...props} finding={finding} />
          ))}
        </Card>
      ))}
    </Stack>
  );
}
