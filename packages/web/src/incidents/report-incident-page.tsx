import { Alert, Button, Group, MultiSelect, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type CreateIncidentRequest,
  createIncidentRequestSchema,
  enumOptions,
  type IncidentSeverity,
  routes,
} from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useSystemOptions } from "../risks/use-risk-data";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { useErrorFocus } from "../ui/use-error-focus";
import { isoFromLocal } from "./local-time";

/**
 * Reports an incident. `?alertId=` opens it from an alert: the alert is linked and its AI system
 * becomes affected; `?systemId=` preselects a system.
 */
export default function ReportIncidentPage() {
  const { orgId, can } = useOrg();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const systems = useSystemOptions(orgId);
  const alertId = params.get("alertId");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [severity, setSeverity] = useState<IncidentSeverity | null>(null);
  const [systemIds, setSystemIds] = useState<string[]>(params.get("systemId") ? [params.get("systemId") ?? ""] : []);
  const [detectedAt, setDetectedAt] = useState("");
  const [occurredAt, setOccurredAt] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  const report = useMutation({
    mutationFn: (body: CreateIncidentRequest) => callApi(routes.createIncident, { params: { orgId }, body }),
    onSuccess: async (incident) => {
      notifications.show({ color: "blue", message: `${incident.ref} is reported.` });
      await queryClient.invalidateQueries({ queryKey: ["incidents", orgId] });
      await navigate(`/o/${orgId}/incidents/${incident.id}`);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, report.error);

  if (!can("governance.write")) return <NoAccess title="Report an incident" />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createIncidentRequestSchema, {
      title,
      description,
      severity: severity ?? "",
      systemIds,
      alertIds: alertId ? [alertId] : [],
      detectedAt: detectedAt ? isoFromLocal(detectedAt) : undefined,
      occurredAt: occurredAt ? isoFromLocal(occurredAt) : null,
    });
    setErrors(result.errors ?? {});
    if (result.data) report.mutate(result.data);
  };

  return (
    <Stack>
      <PageHeader title="Report an incident" />
      <form ref={formRef} onSubmit={submit} noValidate aria-label="Report an incident">
        <Stack maw={720}>
          {report.error && <ErrorAlert error={report.error} title="Incident not reported" />}
          {alertId && (
            <Alert color="blue" title="Opened from an alert">
              The alert will be linked to this incident, and its AI system marked as affected.
            </Alert>
          )}
          <TextInput
            label="Title"
            description="One line saying what went wrong."
            required
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label="What happened"
            autosize
            minRows={4}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
          />
          <Select
            label="Severity"
            required
            data={enumOptions("incidentSeverity")}
            value={severity}
            onChange={(value) => setSeverity(value as IncidentSeverity | null)}
            error={errors.severity}
          />
          <MultiSelect
            label="Affected AI systems"
            data={systems.data ?? []}
            value={systemIds}
            onChange={setSystemIds}
            searchable
            error={errors.systemIds}
          />
          <Group grow align="flex-start">
            <TextInput
              type="datetime-local"
              label="Detected"
              description="Leave empty for now."
              value={detectedAt}
              onChange={(event) => setDetectedAt(event.currentTarget.value)}
              error={errors.detectedAt}
            />
            <TextInput
              type="datetime-local"
              label="Began"
              description="If known."
              value={occurredAt}
              onChange={(event) => setOccurredAt(event.currentTarget.value)}
              error={errors.occurredAt}
            />
          </Group>
          <Group>
            <Button type="submit" loading={report.isPending}>
              Report incident
            </Button>
            <Button variant="default" onClick={() => void navigate(`/o/${orgId}/incidents`)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
