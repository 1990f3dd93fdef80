import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { labelOf } from "@openaims/contracts";
import { DimensionView } from "./dimension-view";
import { levelColors, outcomeLabels } from "./impact-labels";
import type { Assessment } from "./impact-types";

const contextLabels = {
  intendedUse: "Intended use",
  foreseeableMisuse: "Foreseeable misuse",
  affectedParties: "Affected individuals and groups",
  deploymentSetting: "Deployment setting",
} as const;

/** A revision to read: context, every dimension with its level, and the conclusion. */
export function AssessmentView({ assessment }: { assessment: Assessment }) {
  const { content } = assessment;
  return (
    <Stack gap="lg">
      <Stack gap="xs" component="section" aria-labelledby="impact-context-heading">
        <Title order={2} size="h3" id="impact-context-heading">
          Context
        </Title>
        {(Object.keys(contextLabels) as (keyof typeof contextLabels)[]).map((key) => (
          <div key={key}>
            <Text fw={600}>{contextLabels[key]}</Text>
            <Text style={{ whiteSpace: "pre-wrap" }}>{content.context[key] || "—"}</Text>
          </div>
        ))}
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="impact-dimensions-heading">
        <Group>
          <Title order={2} size="h3" id="impact-dimensions-heading">
            Effects on individuals, groups and society
          </Title>
          {assessment.highestLevel && (
            <Badge color={levelColors[assessment.highestLevel]} variant="filled" autoContrast>
              Highest level: {labelOf("riskRating", assessment.highestLevel)}
            </Badge>
          )}
        </Group>
        {content.dimensions.map((dimension, index) => (
          <DimensionView
            // biome-ignore lint/suspicious/noArrayIndexKey: dimensions have no id; order is fixed in a read-only view
            key={index}
            dimension={dimension}
            level={assessment.dimensionLevels[index] ?? null}
          />
        ))}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="impact-conclusion-heading">
        <Title order={2} size="h3" id="impact-conclusion-heading">
          Conclusion
        </Title>
        <Text fw={600}>
          {content.conclusion.outcome ? outcomeLabels[content.conclusion.outcome] : "No outcome yet"}
        </Text>
        <Text style={{ whiteSpace: "pre-wrap" }}>{content.conclusion.summary || "—"}</Text>
      </Stack>
    </Stack>
  );
}
