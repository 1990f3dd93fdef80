import { Button, Card, Group, Select, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import {
  addCommunicationRequestSchema,
  type CommunicationAudience,
  type CommunicationChannel,
  enumOptions,
  type IncidentDetail,
  labelOf,
  routes,
} from "@openaims/contracts";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { useErrorFocus } from "../ui/use-error-focus";
import { isoFromLocal, localFromIso } from "./local-time";
import { useIncidentMutation } from "./use-incident";

type Communication = z.output<typeof addCommunicationRequestSchema>;

function CommunicationForm({ orgId, incident }: { orgId: string; incident: IncidentDetail }) {
  const [audience, setAudience] = useState<CommunicationAudience | null>(null);
  const [recipient, setRecipient] = useState("");
  const [channel, setChannel] = useState<CommunicationChannel | null>(null);
  const [when, setWhen] = useState(() => localFromIso(new Date().toISOString()));
  const [summary, setSummary] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const record = useIncidentMutation(orgId, incident.id, (body: Communication) =>
    callApi(routes.addIncidentCommunication, { params: { orgId, incidentId: incident.id }, body }),
  );
  const formRef = useErrorFocus(errors, record.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(addCommunicationRequestSchema, {
      audience: audience ?? "",
      recipient,
      channel: channel ?? "",
      communicatedAt: isoFromLocal(when),
      summary,
    });
    setErrors(result.errors ?? {});
    if (!result.data) return;
    record.mutate(result.data, {
      onSuccess: () => {
        setRecipient("");
        setSummary("");
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Record a communication">
      <Stack gap="xs">
        {record.error && Object.keys(errors).length === 0 && (
          <ErrorAlert error={record.error} title="Communication not recorded" />
        )}
        <Group grow align="flex-start">
          <Select
            label="Who was told"
            required
            data={enumOptions("communicationAudience")}
            value={audience}
            onChange={(value) => setAudience(value as CommunicationAudience | null)}
            error={errors.audience}
          />
          <TextInput
            label="Recipient"
            description="A name, an authority or a group."
            required
            value={recipient}
            onChange={(event) => setRecipient(event.currentTarget.value)}
            error={errors.recipient}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Channel"
            required
            data={enumOptions("communicationChannel")}
            value={channel}
            onChange={(value) => setChannel(value as CommunicationChannel | null)}
            error={errors.channel}
          />
          <TextInput
            type="datetime-local"
            label="When"
            required
            value={when}
            onChange={(event) => setWhen(event.currentTarget.value)}
            error={errors.communicatedAt}
          />
        </Group>
        <Textarea
          label="What was said"
          required
          autosize
          minRows={2}
          value={summary}
          onChange={(event) => setSummary(event.currentTarget.value)}
          error={errors.summary}
        />
        <Group>
          <Button type="submit" variant="default" loading={record.isPending}>
            Record communication
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What was told to customers, regulators and other interested parties, and a form to record more. */
export function CommunicationsSection({
  orgId,
  incident,
  canWrite,
}: {
  orgId: string;
  incident: IncidentDetail;
  canWrite: boolean;
}) {
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">
          Communications
        </Title>
        {incident.communications.length === 0 ? (
          <Text>Nobody outside the team has been told yet. Record each notice to customers or regulators here.</Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">Who</Table.Th>
                  <Table.Th scope="col">Channel</Table.Th>
                  <Table.Th scope="col">What was said</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {incident.communications.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{formatDateTime(c.communicatedAt)}</Table.Td>
                    <Table.Td>
                      {labelOf("communicationAudience", c.audience)}: {c.recipient}
                    </Table.Td>
                    <Table.Td>{labelOf("communicationChannel", c.channel)}</Table.Td>
                    <Table.Td style={{ whiteSpace: "pre-wrap" }}>{c.summary}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canWrite && <CommunicationForm orgId={orgId} incident={incident} />}
      </Stack>
    </Card>
  );
}
