import { Button, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import {
  createImprovementRequestSchema,
  enumOptions,
  type ImprovementSource,
  labelOf,
  routes,
} from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useSearchParams } from "react-router";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { useMemberOptions } from "./use-nonconformity-data";

/** Record-backed sources are set by the page the improvement is logged from, never picked here. */
const pickableSources = enumOptions("improvementSource").filter(
  (option) => !["incident", "alert", "nonconformity", "concern"].includes(option.value),
);

/**
 * Logs an improvement; `?source=nonconformity&sourceId=…` (as a nonconformity page links here) ties it
 * to that record.
 */
export function LogImprovementForm({ orgId }: { orgId: string }) {
  const queryClient = useQueryClient();
  const members = useMemberOptions(orgId);
  const [params] = useSearchParams();
  const linked = params.get("sourceId")
    ? { source: (params.get("source") ?? "other") as ImprovementSource, sourceId: params.get("sourceId") as string }
    : null;
  const empty = {
    title: "",
    description: "",
    source: linked?.source ?? ("manual" as ImprovementSource),
    owner: null as string | null,
  };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: z.input<typeof createImprovementRequestSchema>) =>
      callApi(routes.createImprovement, { params: { orgId }, body }),
    onSuccess: async () => {
      setValues(empty);
      await queryClient.invalidateQueries({ queryKey: ["improvements", orgId] });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, create.error);
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createImprovementRequestSchema, {
      title: values.title,
      description: values.description,
      source: values.source,
      sourceId: linked?.sourceId ?? null,
      ownerMemberId: values.owner,
    });
    setErrors(result.errors ?? {});
    if (result.data) create.mutate(result.data);
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Log an improvement">
      <Stack gap="xs">
        {create.error && <ErrorAlert error={create.error} title="The improvement was not logged" />}
        <Group align="flex-start">
          <TextInput
            label="Opportunity"
            required
            value={values.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={errors.title}
            w={320}
          />
          {linked ? (
            <TextInput label="Source" value={labelOf("improvementSource", linked.source)} readOnly />
          ) : (
            <Select
              label="Source"
              data={pickableSources}
              value={values.source}
              onChange={(source) => set({ source: (source as ImprovementSource | null) ?? "manual" })}
              allowDeselect={false}
              error={errors.source ?? errors.sourceId}
            />
          )}
          <Select
            label="Owner"
            placeholder="No owner"
            data={members.data ?? []}
            value={values.owner}
            onChange={(owner) => set({ owner })}
            clearable
            searchable
            error={errors.ownerMemberId}
          />
        </Group>
        <Textarea
          label="Description"
          autosize
          minRows={2}
          value={values.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          error={errors.description}
        />
        <Button type="submit" loading={create.isPending} w="fit-content">
          Log improvement
        </Button>
      </Stack>
    </form>
  );
}
