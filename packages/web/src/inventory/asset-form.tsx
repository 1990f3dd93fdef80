import { Button, Fieldset, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { actionClasses, createAssetRequestSchema, enumLabels, LICENCE_EXPRESSION_MAX } from "@openaims/contracts";
import { type FormEvent, useEffect, useState } from "react";
import type { z } from "zod";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { AssetDatasetFields } from "./asset-dataset-fields";
import { type AssetFormValues, assetRequestOf, type SetAssetField } from "./asset-form-values";
import { assetKindLabels, optionsOf } from "./inventory-labels";
import { MemberSelect } from "./member-select";
import { VendorSelect } from "./vendor-select";

export type AssetRequestBody = z.output<typeof createAssetRequestSchema>;

interface AssetFormProps {
  initial: AssetFormValues;
  submitLabel: string;
  onSubmit: (body: AssetRequestBody) => void;
  onCancel: () => void;
  pending: boolean;
  error: unknown;
}

/** An asset's fields; datasets get their provenance and quality section. */
export function AssetForm({ initial, submitLabel, onSubmit, onCancel, pending, error }: AssetFormProps) {
  const [values, setValues] = useState<AssetFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set: SetAssetField = (key, value) => setValues((old) => ({ ...old, [key]: value }));
  useEffect(() => setErrors(serverFieldErrors(error)), [error]);

  const formRef = useErrorFocus(errors, error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createAssetRequestSchema, assetRequestOf(values));
    setErrors(result.errors ?? {});
    if (result.data) onSubmit(result.data);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Fieldset legend="The asset">
          <Stack>
            <TextInput
              label="Name"
              required
              maw={480}
              value={values.name}
              onChange={(event) => set("name", event.currentTarget.value)}
              error={errors.name}
            />
            <Select
              label="Kind"
              required
              data={optionsOf(assetKindLabels)}
              value={values.kind}
              onChange={(value) => set("kind", value as AssetFormValues["kind"])}
              error={errors.kind}
              maw={480}
            />
            <Textarea
              label="Description"
              autosize
              minRows={2}
              value={values.description}
              onChange={(event) => set("description", event.currentTarget.value)}
              error={errors.description}
            />
            <TextInput
              label="Version"
              description="The asset's own version: a model revision, a prompt version, a dataset snapshot."
              maw={480}
              value={values.assetVersion}
              onChange={(event) => set("assetVersion", event.currentTarget.value)}
              error={errors.assetVersion}
            />
            <MemberSelect
              label="Owner"
              value={values.ownerId}
              onChange={(value) => set("ownerId", value)}
              error={errors.ownerId}
            />
            <VendorSelect
              value={values.vendorId}
              onChange={(value) => set("vendorId", value)}
              error={errors.vendorId}
            />
            {values.kind !== "dataset" && (
              <Textarea
                label="Licence or terms"
                autosize
                minRows={1}
                value={values.licence}
                onChange={(event) => set("licence", event.currentTarget.value)}
                error={errors.licence}
              />
            )}
            {(values.kind === "model" || values.kind === "dataset") && (
              <TextInput
                label="Licence (SPDX expression)"
                description="For example Apache-2.0, MIT OR Apache-2.0, or LicenseRef-Llama-3.1-Community; the licence policy judges it"
                value={values.licenceExpression}
                onChange={(event) => set("licenceExpression", event.currentTarget.value)}
                error={errors.licenceExpression}
                maxLength={LICENCE_EXPRESSION_MAX}
              />
            )}
            {values.kind === "tool" && (
              <>
                <Select
                  label="Action class"
                  description="What a call of this tool does; agent policies and flow rules can speak of the class"
                  data={actionClasses.map((value) => ({ value, label: enumLabels.actionClass[value] }))}
                  value={values.actionClass}
                  onChange={(value) => set("actionClass", value as AssetFormValues["actionClass"])}
                  error={errors.actionClass}
                  clearable
                  maw={480}
                />
                <TextInput
                  label="Tool call name"
                  description="The name the agent calls the tool by, when it differs from the asset's name (e.g. issue_refund)"
                  value={values.toolName}
                  onChange={(event) => set("toolName", event.currentTarget.value)}
                  error={errors.toolName}
                  maxLength={128}
                  maw={480}
                />
              </>
            )}
          </Stack>
        </Fieldset>
        {values.kind === "dataset" && <AssetDatasetFields values={values} set={set} errors={errors} />}
        {error !== null && error !== undefined && <ErrorAlert error={error} title="Could not save the asset" />}
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
