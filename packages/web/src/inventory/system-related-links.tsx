import { Anchor, Card, Group, Text, Title } from "@mantine/core";
import { Link } from "react-router";

/** Where the rest of the management system keeps records about this system. */
export function SystemRelatedLinks({ orgId, systemId }: { orgId: string; systemId: string }) {
  const links = [
    { label: "Threat model", to: `/o/${orgId}/risks/threat-model/${systemId}` },
    { label: "Risks", to: `/o/${orgId}/risks?systemId=${systemId}` },
    { label: "Impact assessment", to: `/o/${orgId}/impact-assessments?systemId=${systemId}` },
    { label: "Evidence", to: `/o/${orgId}/evidence?systemId=${systemId}` },
    { label: "Telemetry", to: `/o/${orgId}/monitoring/telemetry/${systemId}` },
  ];
  return (
    <Card withBorder component="section" aria-labelledby="system-related">
      <Title order={2} size="h4" id="system-related">
        Related records
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Risks, assessments, evidence and runtime telemetry kept for this system in other parts of the management system.
      </Text>
      <Group gap="lg">
        {links.map((link) => (
          <Anchor key={link.label} component={Link} to={link.to}>
            {link.label}
          </Anchor>
        ))}
      </Group>
    </Card>
  );
}
