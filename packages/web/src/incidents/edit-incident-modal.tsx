import { Button, Group, Modal, MultiSelect, Select, Stack, Textarea, TextInput } from "@mantine/core";
import {
  enumOptions,
  type IncidentDetail,
  type IncidentSeverity,
  routes,
  type UpdateIncidentRequest,
  updateIncidentRequestSchema,
} from "@openaims/contracts";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useSystemOptions } from "../risks/use-risk-data";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { isoFromLocal, localFromIso } from "./local-time";
import { useIncidentMutation } from "./use-incident";

/** Corrects an incident's facts: title, description, severity, affected systems and times. */
export function EditIncidentModal({
  orgId,
  incident,
  onClose,
}: {
  orgId: string;
  incident: IncidentDetail;
  onClose: () => void;
}) {
  const systems = useSystemOptions(orgId);
  const [title, setTitle] = useState(incident.title);
  const [description, setDescription] = useState(incident.description);
  const [severity, setSeverity] = useState<IncidentSeverity>(incident.severity);
  const [systemIds, setSystemIds] = useState(incident.systems.map((system) => system.id));
  const [detectedAt, setDetectedAt] = useState(localFromIso(incident.detectedAt));
  const [occurredAt, setOccurredAt] = useState(incident.occurredAt ? localFromIso(incident.occurredAt) : "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useIncidentMutation(orgId, incident.id, (body: UpdateIncidentRequest) =>
    callApi(routes.updateIncident, { params: { orgId, incidentId: incident.id }, body }),
  );
  const formRef = useErrorFocus(errors, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(updateIncidentRequestSchema, {
      version: incident.version,
      title,
      description,
      severity,
      systemIds,
      detectedAt: isoFromLocal(detectedAt),
      occurredAt: occurredAt ? isoFromLocal(occurredAt) : null,
    });
    setErrors(result.errors ?? {});
    if (result.data) save.mutate(result.data, { onSuccess: onClose, onError: (e) => setErrors(serverFieldErrors(e)) });
  };
  return (
    <Modal opened onClose={onClose} title={`Edit ${incident.ref}`} size="lg">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          {save.error && Object.keys(errors).length === 0 && <ErrorAlert error={save.error} title="Not saved" />}
          <TextInput
            label="Title"
            required
            data-autofocus
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label="What happened"
            autosize
            minRows={3}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
          />
          <Select
            label="Severity"
            required
            data={enumOptions("incidentSeverity")}
            value={severity}
            onChange={(value) => value && setSeverity(value as IncidentSeverity)}
            allowDeselect={false}
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
              required
              value={detectedAt}
              onChange={(event) => setDetectedAt(event.currentTarget.value)}
              error={errors.detectedAt}
            />
            <TextInput
              type="datetime-local"
              label="Began"
              value={occurredAt}
              onChange={(event) => setOccurredAt(event.currentTarget.value)}
              error={errors.occurredAt}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
