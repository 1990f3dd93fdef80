import { Stack, Textarea, Title } from "@mantine/core";
import { impactContextGuide } from "@openaims/contracts";
import type { ContentErrors } from "./content-errors";
import type { Content } from "./impact-types";

type ContextKey = keyof Content["context"];

const labels: Record<ContextKey, string> = {
  intendedUse: "Intended use",
  foreseeableMisuse: "Foreseeable misuse",
  affectedParties: "Affected individuals and groups",
  deploymentSetting: "Deployment setting",
};

interface Props {
  context: Content["context"];
  errors: ContentErrors;
  onChange: (context: Content["context"]) => void;
}

/** The assessment's context: what the system is for, how it may be misused, whom it affects, where it runs. */
export function ContextFields({ context, errors, onChange }: Props) {
  return (
    <Stack component="section" aria-labelledby="impact-context-heading">
      <Title order={2} size="h3" id="impact-context-heading">
        Context
      </Title>
      {(Object.keys(labels) as ContextKey[]).map((key) => (
        <Textarea
          key={key}
          label={labels[key]}
          description={impactContextGuide[key]}
          autosize
          minRows={2}
          maxLength={5000}
          value={context[key]}
          onChange={(event) => onChange({ ...context, [key]: event.currentTarget.value })}
          error={errors[`context.${key}`]}
        />
      ))}
    </Stack>
  );
}
