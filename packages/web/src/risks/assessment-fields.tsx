import { Group, Select, Stack, Text, Title } from "@mantine/core";
import { type TreatmentOption, treatmentOptions } from "@openaims/contracts";
import type { FieldErrors } from "../api/form-errors";
import { LevelSelect } from "./level-select";
import { rateFromMethod } from "./rate-from-method";
import { RatingBadge } from "./rating-badge";
import { treatmentLabels } from "./risk-labels";
import type { RiskMethodData } from "./risk-types";

export interface AssessmentValues {
  inherentLikelihood: number | null;
  inherentImpact: number | null;
  treatmentOption: TreatmentOption | null;
  residualLikelihood: number | null;
  residualImpact: number | null;
}

interface Props {
  method: RiskMethodData;
  values: AssessmentValues;
  onChange: (patch: Partial<AssessmentValues>) => void;
  errors: FieldErrors;
}

/** Likelihood and impact before and after treatment, with the rating the method gives each pair. */
export function AssessmentFields({ method, values, onChange, errors }: Props) {
  const inherent = rateFromMethod(method, values.inherentLikelihood, values.inherentImpact);
  const residual = rateFromMethod(method, values.residualLikelihood, values.residualImpact);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Inherent risk (before treatment)
      </Title>
      <Group align="flex-end">
        <LevelSelect
          label="Inherent likelihood"
          levels={method.likelihoodLevels}
          value={values.inherentLikelihood}
          onChange={(inherentLikelihood) => onChange({ inherentLikelihood })}
          error={errors.inherentLikelihood}
        />
        <LevelSelect
          label="Inherent impact"
          levels={method.impactLevels}
          value={values.inherentImpact}
          onChange={(inherentImpact) => onChange({ inherentImpact })}
          error={errors.inherentImpact}
        />
        <Text size="sm" mb={8}>
          Rating: <RatingBadge rating={inherent} />
        </Text>
      </Group>
      <Title order={2} size="h4">
        Treatment
      </Title>
      <Select<TreatmentOption>
        label="Treatment option"
        placeholder="Not decided"
        data={treatmentOptions.map((value) => ({ value, label: treatmentLabels[value] }))}
        value={values.treatmentOption}
        onChange={(treatmentOption) => onChange({ treatmentOption })}
        clearable
        error={errors.treatmentOption}
        maw={420}
      />
      <Group align="flex-end">
        <LevelSelect
          label="Residual likelihood"
          levels={method.likelihoodLevels}
          value={values.residualLikelihood}
          onChange={(residualLikelihood) => onChange({ residualLikelihood })}
          error={errors.residualLikelihood}
        />
        <LevelSelect
          label="Residual impact"
          levels={method.impactLevels}
          value={values.residualImpact}
          onChange={(residualImpact) => onChange({ residualImpact })}
          error={errors.residualImpact}
        />
        <Text size="sm" mb={8}>
          Rating: {residual ? <RatingBadge rating={residual} /> : "not assessed"}
        </Text>
      </Group>
    </Stack>
  );
}
