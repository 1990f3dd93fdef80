import { Button, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { createControlRequestSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { useErrorFocus } from "../ui/use-error-focus";
import { EvidenceRuleFields } from "./evidence-rule-fields";

/** Creates a custom control (ref C-n) beside the Annex A ones. */
export default function CreateControlPage() {
  const { orgId, can } = useOrg();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [requirement, setRequirement] = useState("");
  const [freshness, setFreshness] = useState<number | string>(365);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: z.output<typeof createControlRequestSchema>) =>
      callApi(routes.createControl, { params: { orgId }, body }),
    onSuccess: async (control) => {
      await queryClient.invalidateQueries({ queryKey: ["controls", orgId] });
      await navigate(`/o/${orgId}/controls/${control.id}`);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });

  const formRef = useErrorFocus(errors, create.error);
  if (!can("governance.write")) return <NoAccess title="New custom control" />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = {
      title,
      description: description || undefined,
      evidenceRequirement: requirement || undefined,
      evidenceFreshnessDays: freshness === "" ? null : Number(freshness),
    };
    const result = validate(createControlRequestSchema, values);
    setErrors(result.errors ?? {});
    if (result.data) create.mutate(result.data);
  };

  return (
    <Stack maw={720}>
      <PageHeader title="New custom control" />
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          {create.error && <ErrorAlert error={create.error} title="Could not create the control" />}
          <TextInput
            label="Title"
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label="Description"
            description="What the control does, in your words."
            autosize
            minRows={3}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          <EvidenceRuleFields
            requirement={requirement}
            onRequirementChange={setRequirement}
            freshness={freshness}
            onFreshnessChange={setFreshness}
            errors={errors}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Create control
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
