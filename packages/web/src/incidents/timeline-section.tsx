import { Button, Card, Group, Stack, Text, Textarea, Timeline, Title } from "@mantine/core";
import { addTimelineEntryRequestSchema, type IncidentDetail, labelOf, routes } from "@openaims/contracts";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { useIncidentMutation } from "./use-incident";

/** What happened while the incident was handled, oldest first, and a box to add a note. */
export function TimelineSection({
  orgId,
  incident,
  canWrite,
}: {
  orgId: string;
  incident: IncidentDetail;
  canWrite: boolean;
}) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const add = useIncidentMutation(orgId, incident.id, (text: string) =>
    callApi(routes.addIncidentTimelineEntry, { params: { orgId, incidentId: incident.id }, body: { body: text } }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(addTimelineEntryRequestSchema, { body });
    setError(result.errors?.body);
    if (result.data) add.mutate(result.data.body, { onSuccess: () => setBody("") });
  };
  const serverError = serverFieldErrors(add.error).body;

  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">
          Timeline
        </Title>
        <Timeline bulletSize={14} lineWidth={2}>
          {incident.timeline.map((entry) => (
            <Timeline.Item
              key={entry.id}
              title={
                entry.kind === "status_change" && entry.toStatus
                  ? labelOf("incidentStatus", entry.toStatus)
                  : labelOf("incidentTimelineKind", entry.kind)
              }
            >
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {entry.body}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(entry.createdAt)} · {entry.author?.name ?? "OpenAIMS"}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
        {canWrite && (
          <form onSubmit={submit} noValidate aria-label="Add a note">
            <Stack gap="xs">
              {add.error && !serverError && <ErrorAlert error={add.error} title="Note not added" />}
              <Textarea
                label="Add a note"
                autosize
                minRows={2}
                value={body}
                onChange={(event) => setBody(event.currentTarget.value)}
                error={error ?? serverError}
              />
              <Group>
                <Button type="submit" variant="default" loading={add.isPending}>
                  Add note
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
