import { Button, Fieldset, Group, Select, Stack, TagsInput, Textarea, TextInput } from "@mantine/core";
import { createVendorRequestSchema } from "@openaims/contracts";
import { type FormEvent, useEffect, useState } from "react";
import type { z } from "zod";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { customerDataTrainingLabels, optionsOf, yesNoUnknownLabels } from "./inventory-labels";
import { VendorConnectorsField } from "./vendor-connectors-field";
import { type SetVendorField, type VendorFormValues, vendorRequestOf } from "./vendor-form-values";

export type VendorRequestBody = z.output<typeof createVendorRequestSchema>;

interface VendorFormProps {
  initial: VendorFormValues;
  submitLabel: string;
  onSubmit: (body: VendorRequestBody) => void;
  onCancel: () => void;
  pending: boolean;
  error: unknown;
}

/** A vendor's AI practices (A.10): defaults, retention, training on our data, connectors, reviews. */
export function VendorForm({ initial, submitLabel, onSubmit, onCancel, pending, error }: VendorFormProps) {
  const [values, setValues] = useState<VendorFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set: SetVendorField = (key, value) => setValues((old) => ({ ...old, [key]: value }));
  useEffect(() => setErrors(serverFieldErrors(error)), [error]);
  const text = (key: "services" | "dataRetention" | "reviewNotes") => ({
    value: values[key],
    onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
    error: errors[key],
    autosize: true,
    minRows: 2,
  });

  const formRef = useErrorFocus(errors, error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createVendorRequestSchema, vendorRequestOf(values));
    setErrors(result.errors ?? {});
    if (result.data) onSubmit(result.data);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Fieldset legend="The vendor">
          <Stack>
            <TextInput
              label="Name"
              required
              maw={480}
              value={values.name}
              onChange={(event) => set("name", event.currentTarget.value)}
              error={errors.name}
            />
            <TextInput
              label="Website"
              placeholder="https://"
              maw={480}
              value={values.website}
              onChange={(event) => set("website", event.currentTarget.value)}
              error={errors.website}
            />
            <Textarea
              label="Services used"
              description="What the organisation buys or uses from them."
              {...text("services")}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend="AI practices">
          <Stack>
            <Select
              label="AI features on by default"
              description="Are AI features switched on without anyone opting in?"
              data={optionsOf(yesNoUnknownLabels)}
              value={values.aiFeaturesOnByDefault}
              allowDeselect={false}
              maw={480}
              onChange={(value) =>
                set("aiFeaturesOnByDefault", (value ?? "unknown") as VendorFormValues["aiFeaturesOnByDefault"])
              }
            />
            <Select
              label="Trains on our data"
              description="Does the vendor train its models on the organisation's data?"
              data={optionsOf(customerDataTrainingLabels)}
              value={values.trainsOnCustomerData}
              allowDeselect={false}
              maw={480}
              onChange={(value) =>
                set("trainsOnCustomerData", (value ?? "unknown") as VendorFormValues["trainsOnCustomerData"])
              }
            />
            <Textarea
              label="Data retention"
              description="How long they keep prompts, outputs and files."
              {...text("dataRetention")}
            />
            <VendorConnectorsField
              connectors={values.connectors}
              onChange={(value) => set("connectors", value)}
              error={errors.connectors}
            />
            <TagsInput
              label="Certifications"
              description="Press Enter after each, e.g. ISO/IEC 42001, SOC 2 Type II."
              value={values.certifications}
              onChange={(value) => set("certifications", value)}
              error={errors.certifications}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend="Review">
          <Stack>
            <Group>
              <TextInput
                label="Last review"
                type="date"
                value={values.lastReviewDate}
                error={errors.lastReviewDate}
                onChange={(event) => set("lastReviewDate", event.currentTarget.value)}
              />
              <TextInput
                label="Next review"
                type="date"
                value={values.nextReviewDate}
                error={errors.nextReviewDate}
                onChange={(event) => set("nextReviewDate", event.currentTarget.value)}
              />
            </Group>
            <Textarea
              label="Review notes"
              description="What was checked and what was found."
              {...text("reviewNotes")}
            />
          </Stack>
        </Fieldset>
        {error !== null && error !== undefined && <ErrorAlert error={error} title="Could not save the vendor" />}
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
