import { Button, Card, Group, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import type { FieldErrors } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { useErrorFocus } from "../ui/use-error-focus";
import { type ContentValues, EvidenceContentFields } from "./evidence-content-fields";
import { evidenceFieldErrors } from "./evidence-field-errors";
import { emptySelection, type TargetSelection } from "./evidence-types";
import { TargetPickers } from "./target-pickers";
import { type CommonValues, checkBeforeSending, useAddEvidence } from "./use-add-evidence";

const today = () => new Date().toISOString().slice(0, 10);

/** Adds a file, link or written record, with what it proves linked from the start. */
export default function AddEvidencePage() {
  const { can } = useOrg();
  const navigate = useNavigate();
  const [common, setCommon] = useState<CommonValues>({
    title: "",
    description: "",
    collectedAt: today(),
    validUntil: "",
  });
  const [content, setContent] = useState<ContentValues>({ kind: "file", file: null, url: "", body: "" });
  const [targets, setTargets] = useState<TargetSelection>(emptySelection);
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useAddEvidence();

  const formRef = useErrorFocus(errors, add.error);
  if (!can("governance.write")) return <NoAccess title="Add evidence" />;

  const bind = (name: keyof CommonValues) => ({
    value: common[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      // Read now: React clears currentTarget once the handler returns, before the updater runs.
      const value = event.currentTarget.value;
      setCommon((old) => ({ ...old, [name]: value }));
    },
    error: errors[name],
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { common, content, targets };
    const local = checkBeforeSending(input);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    add.mutate(input, {
      onSuccess: async (created) => {
        notifications.show({ color: "green", message: `Evidence ${created.ref} was added.` });
        await navigate(`../${created.id}`, { relative: "path" });
      },
      onError: (error) => {
        const fields = evidenceFieldErrors(error);
        setErrors({ ...fields, file: fields.file ?? fields.body });
      },
    });
  };

  return (
    <Stack>
      <PageHeader title="Add evidence" />
      <Card withBorder component="section" aria-labelledby="add-evidence-heading">
        <Title order={2} size="h3" id="add-evidence-heading" mb="sm">
          What it is
        </Title>
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <EvidenceContentFields values={content} onChange={setContent} errors={errors} />
            <TextInput
              label="Title"
              description={content.kind === "file" ? "Leave empty to use the file name." : undefined}
              required={content.kind !== "file"}
              maxLength={200}
              {...bind("title")}
            />
            <Textarea label="Description" autosize minRows={2} maxLength={5000} {...bind("description")} />
            <Group grow align="flex-start">
              <TextInput label="Collected on" type="date" required {...bind("collectedAt")} />
              <TextInput
                label="Valid until"
                description="Leave empty to use the shortest freshness period of the linked controls."
                type="date"
                {...bind("validUntil")}
              />
            </Group>
            <Title order={3} size="h4">
              What it supports
            </Title>
            <TargetPickers value={targets} onChange={setTargets} errors={errors} />
            {add.error && Object.keys(evidenceFieldErrors(add.error)).length === 0 && <ErrorAlert error={add.error} />}
            <Group>
              <Button type="submit" loading={add.isPending}>
                Add evidence
              </Button>
              <Button variant="default" onClick={() => void navigate("..", { relative: "path" })}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
