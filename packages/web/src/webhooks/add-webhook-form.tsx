import { Button, Card, Checkbox, Group, Stack, TextInput, Title } from "@mantine/core";
import {
  createWebhookRequestSchema,
  enumLabels,
  routes,
  type WebhookEvent,
  type WebhookWithSecret,
  webhookEvents,
} from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";

/** Adds a webhook; the new signing secret goes to `onCreated`, which shows it once. */
export function AddWebhookForm({ onCreated }: { onCreated: (created: WebhookWithSecret) => void }) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>(["reminder.due"]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: z.output<typeof createWebhookRequestSchema>) =>
      callApi(routes.createWebhook, { params: { orgId }, body }),
    onSuccess: async (result) => {
      onCreated(result);
      setUrl("");
      setDescription("");
      await queryClient.invalidateQueries({ queryKey: ["webhooks", orgId] });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createWebhookRequestSchema, { url, description, events });
    setErrors(result.errors ?? {});
    if (result.data) create.mutate(result.data);
  };
  return (
    <Card withBorder component="section" aria-labelledby="add-webhook-heading">
      <Title order={2} size="h3" id="add-webhook-heading" mb="sm">
        Add a webhook
      </Title>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="URL"
            description="Where reminders are posted, e.g. https://hooks.example.com/aims. No user name or password in it: the receiver checks the signature instead."
            required
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
            error={errors.url}
          />
          <TextInput
            label="Description"
            description="What it feeds, e.g. “Compliance channel”."
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
          />
          <Checkbox.Group
            label="Events"
            value={events}
            onChange={(value) => setEvents(value as WebhookEvent[])}
            error={errors.events}
          >
            <Group mt={4}>
              {webhookEvents.map((event) => (
                <Checkbox key={event} value={event} label={`${enumLabels.webhookEvent[event]} (${event})`} />
              ))}
            </Group>
          </Checkbox.Group>
          {create.error && <ErrorAlert error={create.error} title="Could not add the webhook" />}
          <Group>
            <Button type="submit" loading={create.isPending}>
              Add webhook
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
