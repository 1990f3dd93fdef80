import { Button, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { createNonconformityRequestSchema, enumOptions, raisedNonconformitySources, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { useErrorFocus } from "../ui/use-error-focus";
import { useSystemOptions } from "./use-nonconformity-data";

type Source = (typeof raisedNonconformitySources)[number];
const sourceOptions = enumOptions("nonconformitySource").filter((option) =>
  (raisedNonconformitySources as readonly string[]).includes(option.value),
);

/**
 * Raises a nonconformity by hand, or from the record named in the URL (`?source=incident&sourceId=…`,
 * as the incident page links here).
 */
export default function RaiseNonconformityPage() {
  const { orgId, can } = useOrg();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const systems = useSystemOptions(orgId);
  const [values, setValues] = useState({
    title: params.get("title") ?? "",
    description: "",
    severity: "minor" as "minor" | "major",
    source: ((params.get("source") as Source | null) ?? "manual") as Source,
    sourceId: params.get("sourceId") ?? "",
    systemId: params.get("systemId"),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const raise = useMutation({
    mutationFn: (body: z.input<typeof createNonconformityRequestSchema>) =>
      callApi(routes.raiseNonconformity, { params: { orgId }, body }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ["nonconformities", orgId] });
      await navigate(`/o/${orgId}/nonconformities/${created.id}`);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, raise.error);
  if (!can("governance.write")) return <NoAccess title="Raise nonconformity" />;
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createNonconformityRequestSchema, {
      ...values,
      sourceId: values.sourceId.trim() || null,
      systemId: values.systemId || null,
    });
    setErrors(result.errors ?? {});
    if (result.data) raise.mutate(result.data);
  };
  const needsRecord = values.source === "incident" || values.source === "alert";

  return (
    <Stack maw={720}>
      <PageHeader title="Raise nonconformity" />
      <form ref={formRef} onSubmit={submit} noValidate aria-label="Raise nonconformity">
        <Stack>
          {raise.error && <ErrorAlert error={raise.error} title="The nonconformity was not raised" />}
          <TextInput
            label="Title"
            description="What requirement was not met, in a line"
            required
            value={values.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={errors.title}
          />
          <Textarea
            label="Description"
            description="What was found, where and how it was noticed"
            autosize
            minRows={3}
            value={values.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={errors.description}
          />
          <Group align="flex-start" grow>
            <Select
              label="Severity"
              description="Major when a requirement is not met at all or the system's purpose is at risk"
              data={enumOptions("nonconformitySeverity")}
              value={values.severity}
              onChange={(severity) => set({ severity: (severity as "minor" | "major" | null) ?? "minor" })}
              allowDeselect={false}
              error={errors.severity}
            />
            <Select
              label="Source"
              data={sourceOptions}
              value={values.source}
              onChange={(source) => set({ source: (source as Source | null) ?? "manual" })}
              allowDeselect={false}
              error={errors.source}
            />
          </Group>
          {needsRecord && (
            <TextInput
              label={values.source === "incident" ? "Incident ID" : "Alert ID"}
              description="Raise it from the incident or alert page to fill this in"
              required
              value={values.sourceId}
              onChange={(e) => set({ sourceId: e.currentTarget.value })}
              error={errors.sourceId}
            />
          )}
          <Select
            label="AI system"
            placeholder="None"
            data={systems.data ?? []}
            value={values.systemId}
            onChange={(systemId) => set({ systemId })}
            clearable
            searchable
            error={errors.systemId}
          />
          <Group>
            <Button type="submit" loading={raise.isPending}>
              Raise nonconformity
            </Button>
            <Button component={Link} to={`/o/${orgId}/nonconformities`} variant="default">
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
