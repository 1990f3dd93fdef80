import { Anchor, Card, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { Control } from "@openaims/contracts";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatDate } from "../ui/format";
import { applicabilityLabel, evidenceLabels, implementationLabels } from "./control-labels";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

/** What is recorded about a control, read-only, with its evidence. */
export function ControlFacts({ orgId, control }: { orgId: string; control: Control }) {
  return (
    <Card withBorder component="section" aria-labelledby="control-facts-heading">
      <Title order={2} size="h3" id="control-facts-heading" mb="sm">
        Record
      </Title>
      <Stack gap="sm">
        {control.description && <Text>{control.description}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label="Applicability">{applicabilityLabel(control.applicable)}</Fact>
          <Fact label="Implementation">{implementationLabels[control.implementationStatus]}</Fact>
          <Fact label="Owner">{control.owner?.name ?? "—"}</Fact>
        </SimpleGrid>
        <Fact label="Justification">{control.justification ?? "—"}</Fact>
        {control.overrideReason && <Fact label="Override reason">{control.overrideReason}</Fact>}
        <Fact label="How it is implemented">{control.implementationDescription ?? "—"}</Fact>
        <Fact label="Evidence requirement">{control.evidenceRequirement ?? "—"}</Fact>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label="Evidence">{evidenceLabels[control.evidence.state]}</Fact>
          <Fact label="Latest expiry">{formatDate(control.evidence.latestValidUntil)}</Fact>
          <Fact label="Freshness">{control.evidenceFreshnessDays ? `${control.evidenceFreshnessDays} days` : "—"}</Fact>
        </SimpleGrid>
        {control.evidence.refs.length > 0 && (
          <List size="sm">
            {control.evidence.refs.map((ref) => (
              <List.Item key={ref}>{ref}</List.Item>
            ))}
          </List>
        )}
        <Anchor component={Link} to={`/o/${orgId}/evidence?controlId=${control.id}`}>
          Evidence for {control.ref}
        </Anchor>
      </Stack>
    </Card>
  );
}
