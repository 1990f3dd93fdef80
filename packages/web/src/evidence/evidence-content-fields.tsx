import { FileInput, Group, Radio, Textarea, TextInput } from "@mantine/core";
import type { EvidenceKind } from "@openaims/contracts";
import type { FieldErrors } from "../api/form-errors";

export interface ContentValues {
  kind: EvidenceKind;
  file: File | null;
  url: string;
  body: string;
}

interface Props {
  values: ContentValues;
  onChange: (values: ContentValues) => void;
  errors: FieldErrors;
}

/** The kind of evidence and its content: a file, a web address, or written text. */
export function EvidenceContentFields({ values, onChange, errors }: Props) {
  const set = <K extends keyof ContentValues>(key: K, value: ContentValues[K]) => onChange({ ...values, [key]: value });
  return (
    <>
      <Radio.Group
        label="Kind of evidence"
        value={values.kind}
        onChange={(value) => set("kind", value as EvidenceKind)}
        error={errors.kind}
      >
        <Group mt={4}>
          <Radio value="file" label="File" />
          <Radio value="link" label="Link" />
          <Radio value="record" label="Written record" />
        </Group>
      </Radio.Group>
      {values.kind === "file" && (
        <FileInput
          label="File"
          description="A report, export, screenshot or scan result; up to 25 MiB. Programs and scripts (.exe, .sh, .ps1, .py …) are refused."
          placeholder="Choose a file"
          required
          value={values.file}
          onChange={(file) => set("file", file)}
          error={errors.file}
          clearable
        />
      )}
      {values.kind === "link" && (
        <TextInput
          label="Address"
          description="An http or https address where the evidence can be seen."
          type="url"
          required
          value={values.url}
          onChange={(event) => set("url", event.currentTarget.value)}
          error={errors.url}
        />
      )}
      {values.kind === "record" && (
        <Textarea
          label="Record"
          description="What was checked, by whom, and what was found."
          required
          autosize
          minRows={5}
          value={values.body}
          onChange={(event) => set("body", event.currentTarget.value)}
          error={errors.body}
        />
      )}
    </>
  );
}
