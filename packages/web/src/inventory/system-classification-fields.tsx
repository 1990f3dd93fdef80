import { Fieldset, MultiSelect, Select, Stack } from "@mantine/core";
import type { FieldErrors } from "../api/form-errors";
import {
  capabilityLabels,
  dataCategoryLabels,
  highImpactReasonLabels,
  impactTierLabels,
  lifecycleStageLabels,
  optionsOf,
  systemRoleLabels,
} from "./inventory-labels";
import type { SetSystemField, SystemFormValues } from "./system-form-values";

interface Props {
  values: SystemFormValues;
  set: SetSystemField;
  errors: FieldErrors;
}

/** The facts that decide how much scrutiny a system gets: role, stage, impact, data and capabilities. */
export function SystemClassificationFields({ values, set, errors }: Props) {
  return (
    <Fieldset legend="Classification">
      <Stack>
        <Select
          label="Our role"
          description="How the organisation stands towards this system."
          required
          data={optionsOf(systemRoleLabels)}
          value={values.ourRole}
          onChange={(value) => set("ourRole", value as SystemFormValues["ourRole"])}
          error={errors.ourRole}
          maw={480}
        />
        <Select
          label="Lifecycle stage"
          data={optionsOf(lifecycleStageLabels)}
          value={values.lifecycleStage}
          onChange={(value) => set("lifecycleStage", (value ?? "planned") as SystemFormValues["lifecycleStage"])}
          allowDeselect={false}
          error={errors.lifecycleStage}
          maw={480}
        />
        <Select
          label="Impact tier"
          description="High when the system can decide about people, money, access or safety, or handles regulated data."
          required
          data={optionsOf(impactTierLabels)}
          value={values.impactTier}
          onChange={(value) => set("impactTier", value as SystemFormValues["impactTier"])}
          error={errors.impactTier}
          maw={480}
        />
        {values.impactTier === "high" && (
          <MultiSelect
            label="Why it is high-impact"
            description="Name at least one reason."
            required
            data={optionsOf(highImpactReasonLabels)}
            value={values.highImpactReasons}
            onChange={(value) => set("highImpactReasons", value as SystemFormValues["highImpactReasons"])}
            error={errors.highImpactReasons}
          />
        )}
        <MultiSelect
          label="Data categories"
          description="Kinds of data the system takes in, stores or produces."
          data={optionsOf(dataCategoryLabels)}
          value={values.dataCategories}
          onChange={(value) => set("dataCategories", value as SystemFormValues["dataCategories"])}
          error={errors.dataCategories}
        />
        <MultiSelect
          label="Capabilities"
          description="What it technically does; threat modelling proposes threats from these."
          data={optionsOf(capabilityLabels)}
          value={values.capabilities}
          onChange={(value) => set("capabilities", value as SystemFormValues["capabilities"])}
          error={errors.capabilities}
        />
      </Stack>
    </Fieldset>
  );
}
