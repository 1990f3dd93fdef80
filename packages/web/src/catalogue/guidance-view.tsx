import { List, Stack, Text, Title } from "@mantine/core";

interface GuidanceViewProps {
  guidance: { asks: string; typicalEvidence: string[]; pitfalls: string[] };
  /** Heading level of the guidance parts, so headings stay in order on every page. */
  level: 2 | 3;
}

/** What a requirement asks, the evidence an auditor expects, and what commonly goes wrong. */
export function GuidanceView({ guidance, level }: GuidanceViewProps) {
  return (
    <Stack gap="sm">
      <Title order={level} size="h4">
        What it asks
      </Title>
      <Text>{guidance.asks}</Text>
      <Title order={level} size="h4">
        Typical evidence
      </Title>
      <List>
        {guidance.typicalEvidence.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      <Title order={level} size="h4">
        Common pitfalls
      </Title>
      <List>
        {guidance.pitfalls.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
