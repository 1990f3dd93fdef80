import { Button, Card, Checkbox, Group, Stack, Switch, Textarea, TextInput, Title } from "@mantine/core";
import {
  type ImpactScope,
  impactLikelihoodDescriptions,
  impactScopeDescriptions,
  impactScopes,
  impactSeverityDescriptions,
  residualConcernDescriptions,
} from "@openaims/contracts";
import type { ContentErrors } from "./content-errors";
import { DimensionGuide } from "./dimension-guide";
import { dimensionTitle, likelihoodLabels, residualLabels, scopeLabels, severityLabels } from "./impact-labels";
import type { Dimension } from "./impact-types";
import { LevelSelect } from "./level-select";

interface Props {
  dimension: Dimension;
  index: number;
  errors: ContentErrors;
  hints: string[];
  onChange: (dimension: Dimension) => void;
  onRemove?: () => void;
}

/** One dimension of effect: who it reaches, how bad and how likely, what reduces it, what is left. */
export function DimensionEditor({ dimension, index, errors, hints, onChange, onRemove }: Props) {
  const title = dimensionTitle(dimension);
  const headingId = `impact-dimension-${index}`;
  const error = (field: string) => errors[`dimensions.${index}.${field}`];
  const set = <K extends keyof Dimension>(field: K, value: Dimension[K]) => onChange({ ...dimension, [field]: value });
  const text = (field: "affectedGroups" | "effect" | "mitigations" | "residualConcern", label: string, max: number) => (
    <Textarea
      label={label}
      autosize
      minRows={2}
      maxLength={max}
      value={dimension[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
      error={error(field)}
    />
  );

  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id={headingId}>
            {title}
          </Title>
          {onRemove && (
            <Button variant="subtle" color="red" size="xs" onClick={onRemove} aria-label={`Remove ${title}`}>
              Remove
            </Button>
          )}
        </Group>
        <DimensionGuide dimensionKey={dimension.key} hints={hints} />
        {dimension.key === "custom" && (
          <TextInput
            label="Name of this effect"
            required
            maxLength={200}
            value={dimension.title}
            onChange={(event) => set("title", event.currentTarget.value)}
            error={error("title")}
          />
        )}
        <Switch
          label="Relevant to this system"
          checked={dimension.relevant}
          onChange={(event) => set("relevant", event.currentTarget.checked)}
        />
        {dimension.relevant ? (
          <>
            <Checkbox.Group
              label="Who is affected"
              value={dimension.scopes}
              onChange={(value) => set("scopes", value as ImpactScope[])}
              error={error("scopes")}
            >
              <Group mt={4}>
                {impactScopes.map((scope) => (
                  <Checkbox
                    key={scope}
                    value={scope}
                    label={scopeLabels[scope]}
                    title={impactScopeDescriptions[scope]}
                  />
                ))}
              </Group>
            </Checkbox.Group>
            {text("affectedGroups", "Affected groups", 4000)}
            {text("effect", "Effect", 8000)}
            <Group align="flex-start">
              <LevelSelect
                label="Severity"
                value={dimension.severity}
                labels={severityLabels}
                descriptions={impactSeverityDescriptions}
                onChange={(value) => set("severity", value)}
                error={error("severity")}
              />
              <LevelSelect
                label="Likelihood"
                value={dimension.likelihood}
                labels={likelihoodLabels}
                descriptions={impactLikelihoodDescriptions}
                onChange={(value) => set("likelihood", value)}
                error={error("likelihood")}
              />
            </Group>
            {text("mitigations", "Mitigations", 8000)}
            {text("residualConcern", "Residual concern", 4000)}
            <LevelSelect
              label="Residual concern level"
              value={dimension.residualLevel}
              labels={residualLabels}
              descriptions={residualConcernDescriptions}
              onChange={(value) => set("residualLevel", value)}
              error={error("residualLevel")}
            />
          </>
        ) : (
          <Textarea
            label="Why it is not relevant"
            autosize
            minRows={2}
            maxLength={8000}
            value={dimension.effect}
            onChange={(event) => set("effect", event.currentTarget.value)}
            error={error("effect")}
          />
        )}
      </Stack>
    </Card>
  );
}
