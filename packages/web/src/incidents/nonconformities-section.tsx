import { Anchor, Button, Card, Group, Modal, Select, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  createNonconformityRequestSchema,
  enumOptions,
  type IncidentDetail,
  labelOrValue,
  routes,
} from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate } from "../ui/format";
import { useErrorFocus } from "../ui/use-error-focus";
import { incidentKey } from "./use-incident";

type RaiseBody = z.input<typeof createNonconformityRequestSchema>;

function RaiseNonconformityModal({
  orgId,
  incident,
  onClose,
}: {
  orgId: string;
  incident: IncidentDetail;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(incident.title);
  const [description, setDescription] = useState(`Found while handling incident ${incident.ref}.`);
  const [severity, setSeverity] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const raise = useMutation({
    mutationFn: (body: RaiseBody) => callApi(routes.raiseNonconformity, { params: { orgId }, body }),
    onSuccess: async (nonconformity) => {
      notifications.show({ color: "blue", message: `${nonconformity.ref} is raised from ${incident.ref}.` });
      await queryClient.invalidateQueries({ queryKey: incidentKey(orgId, incident.id) });
      await queryClient.invalidateQueries({ queryKey: ["nonconformities", orgId] });
      onClose();
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, raise.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createNonconformityRequestSchema, {
      title,
      description,
      severity: severity ?? "",
      source: "incident",
      sourceId: incident.id,
      systemId: incident.systems[0]?.id ?? null,
    });
    setErrors(result.errors ?? {});
    if (result.data) raise.mutate(result.data);
  };
  return (
    <Modal opened onClose={onClose} title={`Raise a nonconformity from ${incident.ref}`}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          {raise.error && Object.keys(errors).length === 0 && (
            <ErrorAlert error={raise.error} title="Nonconformity not raised" />
          )}
          <TextInput
            label="Title"
            required
            data-autofocus
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label="Which requirement was not met"
            autosize
            minRows={3}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
          />
          <Select
            label="Severity"
            required
            data={enumOptions("nonconformitySeverity")}
            value={severity}
            onChange={setSeverity}
            error={errors.severity}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={raise.isPending}>
              Raise nonconformity
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Nonconformities raised from this incident (clause 10.2), and the button that raises one. */
export function NonconformitiesSection({
  orgId,
  incident,
  canWrite,
}: {
  orgId: string;
  incident: IncidentDetail;
  canWrite: boolean;
}) {
  const [raising, setRaising] = useState(false);
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3">
            Nonconformities
          </Title>
          {canWrite && (
            <Button variant="default" onClick={() => setRaising(true)}>
              Raise nonconformity
            </Button>
          )}
        </Group>
        {incident.nonconformities.length === 0 ? (
          <Text>
            None raised. When the incident shows that a requirement or control was not met, raise a nonconformity so its
            cause is corrected.
          </Text>
        ) : (
          <Stack gap="xs">
            {incident.nonconformities.map((nc) => (
              <Group key={nc.id} gap="xs">
                <Anchor component={Link} to={`/o/${orgId}/nonconformities/${nc.id}`}>
                  {nc.ref} {nc.title}
                </Anchor>
                <Text span size="sm" c="dimmed">
                  {labelOrValue("nonconformitySeverity", nc.severity)} ·{" "}
                  {labelOrValue("nonconformityStatus", nc.status)} · raised {formatDate(nc.createdAt)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
      {raising && <RaiseNonconformityModal orgId={orgId} incident={incident} onClose={() => setRaising(false)} />}
    </Card>
  );
}
