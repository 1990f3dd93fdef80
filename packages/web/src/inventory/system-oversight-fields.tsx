import { Fieldset, Select, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import type { FieldErrors } from "../api/form-errors";
import { autonomyLabels, optionsOf } from "./inventory-labels";
import { MemberSelect } from "./member-select";
import type { SetSystemField, SystemFormValues } from "./system-form-values";

interface Props {
  values: SystemFormValues;
  set: SetSystemField;
  errors: FieldErrors;
}

/** How far the system acts alone, who watches it, who answers for it and when it is looked at again. */
export function SystemOversightFields({ values, set, errors }: Props) {
  return (
    <Fieldset legend="Oversight and ownership">
      <Stack>
        <Select
          label="Autonomy"
          description="How much the system does without a person deciding."
          required
          data={optionsOf(autonomyLabels)}
          value={values.autonomy}
          onChange={(value) => set("autonomy", value as SystemFormValues["autonomy"])}
          error={errors.autonomy}
          maw={480}
        />
        <Textarea
          label="Human oversight"
          description="Who watches the system, how they can correct or stop it, and how often they check."
          autosize
          minRows={2}
          value={values.humanOversight}
          onChange={(event) => set("humanOversight", event.currentTarget.value)}
          error={errors.humanOversight}
        />
        <Switch
          label="Customer-facing"
          description="Customers or the public interact with it or see its output."
          checked={values.customerFacing}
          onChange={(event) => set("customerFacing", event.currentTarget.checked)}
        />
        <MemberSelect
          label="Owner"
          description="The person who answers for this system."
          value={values.ownerId}
          onChange={(value) => set("ownerId", value)}
          error={errors.ownerId}
        />
        <TextInput
          label="Next review date"
          type="date"
          maw={240}
          value={values.reviewDate}
          onChange={(event) => set("reviewDate", event.currentTarget.value)}
          error={errors.reviewDate}
        />
      </Stack>
    </Fieldset>
  );
}
