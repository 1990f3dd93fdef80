import { Group, Radio, Stack, Textarea } from "@mantine/core";
import type { FieldErrors } from "../api/form-errors";
import type { Applicability } from "./control-filters";

export interface ApplicabilityValues {
  applicability: Applicability;
  justification: string;
  overrideReason: string;
}

interface Props {
  value: ApplicabilityValues;
  onChange: (value: ApplicabilityValues) => void;
  /** Refs of open risks the control treats: excluding it then needs an override reason. */
  openRiskRefs: string[];
  errors: FieldErrors;
}

/** The applicability decision with its justification, and the override reason when one is needed. */
export function ApplicabilityFields({ value, onChange, openRiskRefs, errors }: Props) {
  const needsOverride = value.applicability === "not_applicable" && (openRiskRefs.length > 0 || !!value.overrideReason);
  return (
    <Stack gap="sm">
      <Radio.Group
        label="Applicability"
        value={value.applicability}
        onChange={(next) => onChange({ ...value, applicability: next as Applicability })}
        error={errors.applicable}
      >
        <Group mt={4}>
          <Radio value="undecided" label="Undecided" />
          <Radio value="applicable" label="Applicable" />
          <Radio value="not_applicable" label="Not applicable" />
        </Group>
      </Radio.Group>
      <Textarea
        label="Justification"
        description="Why the control does or does not apply. Required once decided."
        autosize
        minRows={2}
        required={value.applicability !== "undecided"}
        value={value.justification}
        onChange={(event) => onChange({ ...value, justification: event.currentTarget.value })}
        error={errors.justification}
      />
      {needsOverride && (
        <Textarea
          label="Override reason"
          description={
            openRiskRefs.length > 0
              ? `This control treats open risks (${openRiskRefs.join(", ")}). Say why it is excluded anyway.`
              : "Recorded reason for excluding this control although it treats open risks."
          }
          autosize
          minRows={2}
          required
          value={value.overrideReason}
          onChange={(event) => onChange({ ...value, overrideReason: event.currentTarget.value })}
          error={errors.overrideReason}
        />
      )}
    </Stack>
  );
}
