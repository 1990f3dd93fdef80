import { Button, Stack, Text, Title } from "@mantine/core";
import type { ContentErrors } from "./content-errors";
import { DimensionEditor } from "./dimension-editor";
import type { Assessment, Dimension } from "./impact-types";

interface Props {
  dimensions: Dimension[];
  errors: ContentErrors;
  hints: Assessment["focusHints"];
  onChange: (dimensions: Dimension[]) => void;
}

const MAX_DIMENSIONS = 30;

function blankCustom(): Dimension {
  return {
    key: "custom",
    title: "",
    relevant: true,
    scopes: [],
    severity: null,
    likelihood: null,
    affectedGroups: "",
    effect: "",
    mitigations: "",
    residualConcern: "",
    residualLevel: null,
  };
}

/** Every dimension of the draft, with room for effects the standard list does not cover. */
export function AssessmentDimensions({ dimensions, errors, hints, onChange }: Props) {
  const replace = (index: number, next: Dimension) => onChange(dimensions.map((d, i) => (i === index ? next : d)));
  const remove = (index: number) => onChange(dimensions.filter((_, i) => i !== index));

  return (
    <Stack component="section" aria-labelledby="impact-dimensions-heading">
      <Title order={2} size="h3" id="impact-dimensions-heading">
        Effects on individuals, groups and society
      </Title>
      <Text size="sm" maw={760}>
        Rate each effect before mitigation; the level follows from severity and likelihood. Mark a dimension not
        relevant only with a reason.
      </Text>
      {errors.dimensions && <Text c="red">{errors.dimensions}</Text>}
      {dimensions.map((dimension, index) => (
        <DimensionEditor
          // Dimensions have no id of their own; their position is their identity while editing.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          dimension={dimension}
          index={index}
          errors={errors}
          hints={hints.filter((h) => h.dimension === dimension.key).map((h) => h.hint)}
          onChange={(next) => replace(index, next)}
          onRemove={dimension.key === "custom" ? () => remove(index) : undefined}
        />
      ))}
      {dimensions.length < MAX_DIMENSIONS && (
        <div>
          <Button variant="default" onClick={() => onChange([...dimensions, blankCustom()])}>
            Add another effect
          </Button>
        </div>
      )}
    </Stack>
  );
}
