import { Button, Group, NumberInput, Select, TextInput } from "@mantine/core";
import {
  type CompetenceAppliesToKind,
  createCompetenceRequirementRequestSchema,
  enumOptions,
  routes,
} from "@openaims/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { useCompetenceRefresh } from "./use-competence-data";

const blank = {
  appliesToKind: "role" as CompetenceAppliesToKind,
  appliesTo: null as string | null,
  competence: "",
  course: "",
  renewalMonths: "" as number | string,
};

/** Requires a competence, and the course that meets it, of a role or an AIMS responsibility. */
export function RequirementForm({ orgId }: { orgId: string }) {
  const refresh = useCompetenceRefresh(orgId);
  const [values, setValues] = useState(blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: unknown) =>
      callApi(routes.createCompetenceRequirement, {
        params: { orgId },
        body: createCompetenceRequirementRequestSchema.parse(body),
      }),
    onSuccess: async () => {
      setValues(blank);
      await refresh();
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, create.error);
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      ...values,
      renewalMonths: values.renewalMonths === "" ? null : Number(values.renewalMonths),
    };
    const result = validate(createCompetenceRequirementRequestSchema, body);
    setErrors(result.errors ?? {});
    if (!result.errors) create.mutate(body);
  };
  const choices = values.appliesToKind === "role" ? enumOptions("role") : enumOptions("aimsProcess");
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Add a requirement">
      {create.error && <ErrorAlert error={create.error} title="The requirement was not added" />}
      <Group align="flex-start" wrap="wrap">
        <Select
          label="Applies to"
          data={enumOptions("competenceAppliesToKind")}
          value={values.appliesToKind}
          onChange={(kind) =>
            set({ appliesToKind: (kind as CompetenceAppliesToKind | null) ?? "role", appliesTo: null })
          }
          allowDeselect={false}
          w={190}
        />
        <Select
          label={values.appliesToKind === "role" ? "Role" : "Responsibility"}
          description={values.appliesToKind === "role" ? undefined : "Those responsible or accountable for it"}
          placeholder="Choose one"
          data={choices}
          value={values.appliesTo}
          onChange={(appliesTo) => set({ appliesTo })}
          searchable
          required
          error={errors.appliesTo}
          w={230}
        />
        <TextInput
          label="Competence"
          description="What the person must be able to do"
          required
          value={values.competence}
          onChange={(e) => set({ competence: e.currentTarget.value })}
          error={errors.competence}
          miw={260}
          flex={1}
        />
        <TextInput
          label="Course that meets it"
          description="Training records must name this course"
          required
          value={values.course}
          onChange={(e) => set({ course: e.currentTarget.value })}
          error={errors.course}
          w={230}
        />
        <NumberInput
          label="Renew every (months)"
          description="Empty: does not expire"
          min={1}
          max={120}
          allowDecimal={false}
          value={values.renewalMonths}
          onChange={(renewalMonths) => set({ renewalMonths })}
          error={errors.renewalMonths}
          w={170}
        />
        <Button type="submit" mt={44} loading={create.isPending}>
          Add requirement
        </Button>
      </Group>
    </form>
  );
}
