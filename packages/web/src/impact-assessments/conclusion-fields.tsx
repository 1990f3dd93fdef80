import { Group, Radio, Stack, Textarea, Title } from "@mantine/core";
import { type ImpactOutcome, impactOutcomeDescriptions, impactOutcomes } from "@openaims/contracts";
import type { ContentErrors } from "./content-errors";
import { outcomeLabels } from "./impact-labels";
import type { Content } from "./impact-types";

interface Props {
  conclusion: Content["conclusion"];
  errors: ContentErrors;
  onChange: (conclusion: Content["conclusion"]) => void;
}

/** The overall answer: may the system be used as described, and why. */
export function ConclusionFields({ conclusion, errors, onChange }: Props) {
  return (
    <Stack component="section" aria-labelledby="impact-conclusion-heading">
      <Title order={2} size="h3" id="impact-conclusion-heading">
        Conclusion
      </Title>
      <Radio.Group
        label="Overall outcome"
        value={conclusion.outcome ?? ""}
        onChange={(value) => onChange({ ...conclusion, outcome: value as ImpactOutcome })}
        error={errors["conclusion.outcome"]}
      >
        <Group mt={4}>
          {impactOutcomes.map((outcome) => (
            <Radio
              key={outcome}
              value={outcome}
              label={outcomeLabels[outcome]}
              description={impactOutcomeDescriptions[outcome]}
            />
          ))}
        </Group>
      </Radio.Group>
      <Textarea
        label="Reasoning and conditions"
        description="Why this outcome, and any conditions the system must meet."
        autosize
        minRows={3}
        maxLength={10000}
        value={conclusion.summary}
        onChange={(event) => onChange({ ...conclusion, summary: event.currentTarget.value })}
        error={errors["conclusion.summary"]}
      />
    </Stack>
  );
}
