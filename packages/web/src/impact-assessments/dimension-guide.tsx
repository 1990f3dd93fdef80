import { Alert, List, Text } from "@mantine/core";
import { impactDimensionGuide } from "@openaims/contracts";
import type { Dimension } from "./impact-types";

/** What to think about for a dimension, and why this system in particular might need care. */
export function DimensionGuide({ dimensionKey, hints }: { dimensionKey: Dimension["key"]; hints: string[] }) {
  const guide = impactDimensionGuide[dimensionKey];
  return (
    <>
      <Text size="sm">{guide.summary}</Text>
      <List size="sm" spacing={2}>
        {guide.prompts.map((prompt) => (
          <List.Item key={prompt}>{prompt}</List.Item>
        ))}
      </List>
      {hints.map((hint) => (
        <Alert key={hint} color="blue" variant="light" p="xs">
          <Text size="sm">{hint}</Text>
        </Alert>
      ))}
    </>
  );
}
