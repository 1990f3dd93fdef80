import { Accordion, List, Text, ThemeIcon } from "@mantine/core";
import type { ReadinessView } from "@openaims/contracts";
import { CoverageBadge } from "./coverage-badge";

type Item = ReadinessView["clauses"][number] & { controls?: ReadinessView["clauses"] };

/** A list of clauses, controls or systems; each opens to show which checks are met. */
export function ReadinessItems({ items }: { items: readonly Item[] }) {
  if (items.length === 0) return <Text c="dimmed">Nothing here yet.</Text>;
  return (
    <Accordion multiple variant="separated">
      {items.map((item) => (
        <Accordion.Item key={item.id} value={item.id}>
          <Accordion.Control>
            <Text fw={500}>{item.title}</Text>
            <CoverageBadge coverage={item.coverage} name={item.title} />
          </Accordion.Control>
          <Accordion.Panel>
            {item.controls ? (
              <ReadinessItems items={item.controls} />
            ) : (
              <List spacing={4} size="sm">
                {item.checks.map((check) => (
                  <List.Item
                    key={check.key}
                    icon={
                      <ThemeIcon size={18} radius="xl" color={check.met ? "green" : "red"} aria-hidden>
                        {check.met ? "✓" : "!"}
                      </ThemeIcon>
                    }
                  >
                    {check.met ? "Met: " : "Missing: "}
                    {check.label}
                  </List.Item>
                ))}
              </List>
            )}
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
