import { Button, Card, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { type IncidentDetail, routes } from "@openaims/contracts";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { serverFieldErrors } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useIncidentMutation } from "./use-incident";

/** Why the incident happened, as the team understands it; kept with the incident for lessons learned. */
export function RootCauseSection({
  orgId,
  incident,
  canWrite,
}: {
  orgId: string;
  incident: IncidentDetail;
  canWrite: boolean;
}) {
  const [text, setText] = useState(incident.rootCause);
  const save = useIncidentMutation(orgId, incident.id, (rootCause: string) =>
    callApi(routes.updateIncident, {
      params: { orgId, incidentId: incident.id },
      body: { version: incident.version, rootCause },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(text);
  };
  const fieldError = serverFieldErrors(save.error).rootCause;
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">
          Root cause
        </Title>
        {canWrite ? (
          <form onSubmit={submit} noValidate aria-label="Root cause">
            <Stack gap="xs">
              {save.error && !fieldError && <ErrorAlert error={save.error} title="Root cause not saved" />}
              <Textarea
                label="Why it happened"
                description="The underlying cause, not the symptom: what let this happen, and what would stop it recurring."
                autosize
                minRows={3}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                error={fieldError}
              />
              <Group>
                <Button type="submit" variant="default" loading={save.isPending} disabled={text === incident.rootCause}>
                  Save root cause
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Text style={{ whiteSpace: "pre-wrap" }}>{incident.rootCause || "Not recorded yet."}</Text>
        )}
      </Stack>
    </Card>
  );
}
