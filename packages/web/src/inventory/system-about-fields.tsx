import { Fieldset, Stack, Textarea, TextInput } from "@mantine/core";
import type { FieldErrors } from "../api/form-errors";
import type { SetSystemField, SystemFormValues } from "./system-form-values";

interface Props {
  values: SystemFormValues;
  set: SetSystemField;
  errors: FieldErrors;
}

/** What the system is, what it is for, and what it must not be relied on for. */
export function SystemAboutFields({ values, set, errors }: Props) {
  const text = (key: "description" | "purpose" | "intendedUse" | "limitations") => ({
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
          required
          maw={480}
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
        <Textarea label="Description" description="What it does, in a sentence or two." {...text("description")} />
        <Textarea label="Purpose" description="Why the organisation runs it: the need it meets." {...text("purpose")} />
        <Textarea
          label="Intended use"
          description="Who uses it, for what tasks, in which setting. Uses outside this are not intended."
          {...text("intendedUse")}
        />
        <Textarea
          label="Limitations"
          description="What it must not be relied on for, and known weaknesses."
          {...text("limitations")}
        />
      </Stack>
    </Fieldset>
  );
}
