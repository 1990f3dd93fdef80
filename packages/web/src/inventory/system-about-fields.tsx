import { Fieldset, Stack, Textarea, TextInput } from "@mantine/core";
import { createSystemRequestSchema } from "@openaims/contracts";
import type { FieldErrors } from "../api/form-errors";
import { contractFieldProps } from "../ui/field-limit";
import type { SetSystemField, SystemFormValues } from "./system-form-values";

interface Props {
  values: SystemFormValues;
  set: SetSystemField;
  errors: FieldErrors;
}

/** What the system is, what it is for, and what it must not be relied on for. */
export function SystemAboutFields({ values, set, errors }: Props) {
  /** A long text field with its help, its counter against the contract's limit, and its required mark. */
  const text = (key: "description" | "purpose" | "intendedUse" | "limitations", help: string) => ({
    ...contractFieldProps(createSystemRequestSchema, key, values[key], help),
    value: values[key],
    onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
    error: errors[key],
    autosize: true,
    minRows: 2,
  });
  return (
    <Fieldset legend="What the system is">
      <Stack>
        <TextInput
          label="Name"
          maw={480}
          {...contractFieldProps(createSystemRequestSchema, "name", values.name)}
          value={values.name}
          onChange={(event) => set("name", event.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label="Slug"
          description="Short handle used in files, links and the command line. Left empty, it is made from the name."
          maw={480}
          value={values.slug}
          onChange={(event) => set("slug", event.currentTarget.value)}
          error={errors.slug}
        />
        <Textarea label="Description" {...text("description", "What it does, in a sentence or two.")} />
        <Textarea label="Purpose" {...text("purpose", "Why the organisation runs it: the need it meets.")} />
        <Textarea
          label="Intended use"
          {...text("intendedUse", "Who uses it, for what tasks, in which setting. Uses outside this are not intended.")}
        />
        <Textarea
          label="Limitations"
          {...text("limitations", "What it must not be relied on for, and known weaknesses.")}
        />
      </Stack>
    </Fieldset>
  );
}
