import { Button, Card, Group, MultiSelect, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import {
  enumOptions,
  type LicencePolicyRecord,
  licenceVerdicts,
  routes,
  updateLicencePolicyRequestSchema,
} from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";

interface Values {
  allowed: string;
  review: string;
  forbidden: string;
  forbiddenFlags: string[];
  reviewFlags: string[];
  otherwise: string;
}

const lines = (list: string[]) => list.join("\n");
const listOf = (text: string) =>
  text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line !== "");

const valuesOf = ({ policy }: LicencePolicyRecord): Values => ({
  allowed: lines(policy.allowed),
  review: lines(policy.review),
  forbidden: lines(policy.forbidden),
  forbiddenFlags: policy.forbiddenFlags,
  reviewFlags: policy.reviewFlags,
  otherwise: policy.otherwise,
});

/** The first error of a field or of any of its items ("allowed.3"). */
const errorOf = (errors: FieldErrors, field: string) =>
  errors[field] ?? Object.entries(errors).find(([key]) => key.startsWith(`${field}.`))?.[1];

/** The organisation's licence policy: which licences pass, need review or are forbidden, by id and by flag. */
export function LicencePolicyForm({
  orgId,
  record,
  canEdit,
}: {
  orgId: string;
  record: LicencePolicyRecord;
  canEdit: boolean;
}) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(valuesOf(record));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof updateLicencePolicyRequestSchema.parse>) =>
      callApi(routes.updateLicencePolicy, { params: { orgId }, body }),
    onSuccess: async (next) => {
      setValues(valuesOf(next));
      setSaved(true);
      queryClient.setQueryData(["licences", orgId, "policy"], next);
      await queryClient.invalidateQueries({ queryKey: ["licences", orgId] });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, save.error);
  const set = (patch: Partial<Values>) => {
    setSaved(false);
    setValues({ ...values, ...patch });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(updateLicencePolicyRequestSchema, {
      allowed: listOf(values.allowed),
      review: listOf(values.review),
      forbidden: listOf(values.forbidden),
      forbiddenFlags: values.forbiddenFlags,
      reviewFlags: values.reviewFlags,
      otherwise: values.otherwise,
      version: record.version,
    });
    setErrors(result.errors ?? {});
    if (result.data) save.mutate(result.data);
  };
  const flagOptions = enumOptions("licenceFlag");
  const listField = (field: "allowed" | "review" | "forbidden", label: string, description: string) => (
    <Textarea
      label={label}
      description={description}
      value={values[field]}
      onChange={(event) => set({ [field]: event.currentTarget.value })}
      error={errorOf(errors, field)}
      readOnly={!canEdit}
      autosize
      minRows={3}
      maxRows={10}
    />
  );
  return (
    <Card withBorder component="section" aria-labelledby="licence-policy">
      <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="licence-policy">
        <Stack>
          <Title order={2} size="h4" id="licence-policy">
            Licence policy
          </Title>
          <Text size="sm" c="dimmed">
            {record.isDefault
              ? "This is the default policy; save it to make it your own."
              : "A licence is judged in this order: forbidden list, forbidden flags, allowed list, review list or flags, then the last choice below."}{" "}
            One SPDX id or LicenseRef per line; end a line with * to match every id that starts with it (GPL-*).
          </Text>
          {!canEdit && (
            <Text size="sm" c="dimmed">
              You may read the policy; members who manage governance records can change it.
            </Text>
          )}
          {save.error && <ErrorAlert error={save.error} title="The policy was not saved" />}
          <Group grow align="flex-start">
            {listField("allowed", "Allowed licences", "Used without a review, unless a forbidden flag applies")}
            {listField("review", "Licences that need review", "Someone checks the terms against the intended use")}
            {listField("forbidden", "Forbidden licences", "Never acceptable, whatever the other lists say")}
          </Group>
          <Group grow align="flex-start">
            <MultiSelect
              label="Forbidden conditions"
              description="A licence with any of these is forbidden"
              data={flagOptions}
              value={values.forbiddenFlags}
              onChange={(forbiddenFlags) => set({ forbiddenFlags })}
              error={errorOf(errors, "forbiddenFlags")}
              readOnly={!canEdit}
            />
            <MultiSelect
              label="Conditions that need review"
              description="A licence with any of these, not listed as allowed, needs review"
              data={flagOptions}
              value={values.reviewFlags}
              onChange={(reviewFlags) => set({ reviewFlags })}
              error={errorOf(errors, "reviewFlags")}
              readOnly={!canEdit}
            />
          </Group>
          <Select
            label="Any other licence is"
            data={enumOptions("licenceVerdict").filter((option) => licenceVerdicts.includes(option.value))}
            value={values.otherwise}
            onChange={(otherwise) => otherwise && set({ otherwise })}
            error={errors.otherwise}
            readOnly={!canEdit}
            allowDeselect={false}
            maw={360}
          />
          {canEdit && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                Save policy
              </Button>
              <Text size="sm" role="status" c={saved ? "green.8" : undefined}>
                {saved ? "Saved." : ""}
              </Text>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
