import { Button, Group, Stack } from "@mantine/core";
import { createSystemRequestSchema } from "@openaims/contracts";
import { type FormEvent, useEffect, useState } from "react";
import type { z } from "zod";
import { isApiError } from "../api/api-error";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { SystemAboutFields } from "./system-about-fields";
import { SystemClassificationFields } from "./system-classification-fields";
import { type SetSystemField, type SystemFormValues, systemRequestOf } from "./system-form-values";
import { SystemOversightFields } from "./system-oversight-fields";

export type SystemRequestBody = z.output<typeof createSystemRequestSchema>;

interface SystemFormProps {
  initial: SystemFormValues;
  submitLabel: string;
  onSubmit: (body: SystemRequestBody) => void;
  onCancel?: () => void;
  pending: boolean;
  /** The last failed save, shown above the buttons and mapped onto fields where it names them. */
  error: unknown;
}

/** Every field of an AI system in three sections, checked with the API's own schema before sending. */
export function SystemForm({ initial, submitLabel, onSubmit, onCancel, pending, error }: SystemFormProps) {
  const [values, setValues] = useState<SystemFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set: SetSystemField = (key, value) => setValues((old) => ({ ...old, [key]: value }));

  useEffect(() => {
    if (!error) return;
    const fields = serverFieldErrors(error);
    if (isApiError(error, "conflict")) fields.slug = "Another system already has this slug; choose another.";
    setErrors(fields);
  }, [error]);

  const formRef = useErrorFocus(errors, error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createSystemRequestSchema, systemRequestOf(values));
    const fieldErrors = { ...result.errors };
    for (const key of ["ourRole", "impactTier", "autonomy"] as const)
      if (values[key] === null) fieldErrors[key] = "Choose one";
    setErrors(fieldErrors);
    if (result.data) onSubmit(result.data);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="lg">
        <SystemAboutFields values={values} set={set} errors={errors} />
        <SystemClassificationFields values={values} set={set} errors={errors} />
        <SystemOversightFields values={values} set={set} errors={errors} />
        {error !== null && error !== undefined && <ErrorAlert error={error} title="Could not save the system" />}
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
