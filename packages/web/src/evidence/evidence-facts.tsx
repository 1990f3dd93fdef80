import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { labelOf } from "@openaims/contracts";
import type { ReactNode } from "react";
import { CopyField } from "../ui/copy-field";
import { formatDate, formatDateTime } from "../ui/format";
import { downloadUrl, formatBytes, sourceLabel, validUntilText } from "./evidence-format";
import { EvidenceStateBadge } from "./evidence-state-badge";
import type { Evidence } from "./evidence-types";

const basisText: Record<Evidence["validityBasis"], string> = {
  explicit: "set on this evidence",
  control_freshness: "from the shortest freshness period of its controls",
  none: "no expiry set and no linked control sets a freshness period",
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** What a piece of evidence is, when it was collected and how long it counts; files with their hash. */
export function EvidenceFacts({ evidence, orgId }: { evidence: Evidence; orgId: string }) {
  return (
    <Card withBorder component="section" aria-labelledby="evidence-facts-heading">
      <Title order={2} size="h3" id="evidence-facts-heading" mb="sm">
        Details
      </Title>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
          <Fact label="Kind">{labelOf("evidenceKind", evidence.kind)}</Fact>
          <Fact label="Source">{sourceLabel(evidence.source)}</Fact>
          <Fact label="Added by">{evidence.createdBy?.name ?? "—"}</Fact>
          <Fact label="Collected">{formatDate(evidence.collectedAt)}</Fact>
          <Fact label="Valid until">
            {validUntilText(evidence)} ({basisText[evidence.validityBasis]})
          </Fact>
          <Fact label="State">
            <EvidenceStateBadge state={evidence.state} />
          </Fact>
          <Fact label="Added">{formatDateTime(evidence.createdAt)}</Fact>
          {evidence.status === "archived" && <Fact label="Archived because">{evidence.archiveReason}</Fact>}
        </SimpleGrid>
        {evidence.description && <Text style={{ whiteSpace: "pre-wrap" }}>{evidence.description}</Text>}
        {evidence.url && (
          <Fact label="Address">
            <a href={evidence.url} target="_blank" rel="noreferrer noopener">
              {evidence.url}
            </a>
          </Fact>
        )}
        {evidence.body && (
          <Card withBorder bg="var(--mantine-color-gray-0)">
            <Text style={{ whiteSpace: "pre-wrap" }}>{evidence.body}</Text>
          </Card>
        )}
        {evidence.file && (
          <Stack gap="xs">
            <Text>
              {evidence.file.filename ?? "Unnamed file"} · {evidence.file.mediaType} · {formatBytes(evidence.file.size)}
            </Text>
            <CopyField
              label="SHA-256"
              description="The download is checked against this hash before it is sent."
              value={evidence.file.sha256}
            />
            <Group>
              <Button component="a" href={downloadUrl(orgId, evidence.id)} download>
                Download file
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
