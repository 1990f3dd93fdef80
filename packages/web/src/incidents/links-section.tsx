import { Anchor, Button, Card, Group, List, Select, Stack, Text, Title } from "@mantine/core";
import { type IncidentDetail, labelOf, routes } from "@openaims/contracts";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { serverFieldErrors } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { type LinkableKind, linkableKinds, linkedRecordPath, useLinkOptions } from "./link-options";
import { useIncidentMutation } from "./use-incident";

function AddLinkForm({ orgId, incident }: { orgId: string; incident: IncidentDetail }) {
  const [kind, setKind] = useState<LinkableKind | null>(null);
  const [targetId, setTargetId] = useState<string | null>(null);
  const [missing, setMissing] = useState<string | undefined>();
  const options = useLinkOptions(orgId, kind);
  const add = useIncidentMutation(orgId, incident.id, (body: { kind: LinkableKind; targetId: string }) =>
    callApi(routes.addIncidentLink, { params: { orgId, incidentId: incident.id }, body }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!kind || !targetId) {
      setMissing("Choose the kind of record and the record.");
      return;
    }
    setMissing(undefined);
    add.mutate({ kind, targetId }, { onSuccess: () => setTargetId(null) });
  };
  const fieldError = serverFieldErrors(add.error).targetId;
  return (
    <form onSubmit={submit} noValidate aria-label="Link a record">
      <Stack gap="xs">
        {add.error && !fieldError && <ErrorAlert error={add.error} title="Not linked" />}
        <Group align="flex-end" wrap="wrap">
          <Select
            label="Kind of record"
            data={linkableKinds.map((value) => ({ value, label: labelOf("incidentLinkKind", value) }))}
            value={kind}
            onChange={(value) => {
              setKind(value as LinkableKind | null);
              setTargetId(null);
            }}
            error={missing && !kind ? missing : undefined}
          />
          <Select
            label="Record"
            placeholder={kind ? "Search by reference or title" : "Choose a kind first"}
            data={(options.data ?? []).filter((o) => o.value !== incident.id)}
            value={targetId}
            onChange={setTargetId}
            searchable
            disabled={!kind}
            nothingFoundMessage="No records of this kind yet"
            error={fieldError ?? (missing && kind && !targetId ? missing : undefined)}
            style={{ flex: 1, minWidth: 260 }}
          />
          <Button type="submit" variant="default" loading={add.isPending}>
            Link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Risks, changes, alerts, nonconformities and other incidents this incident is about or led to. */
export function LinksSection({
  orgId,
  incident,
  canWrite,
}: {
  orgId: string;
  incident: IncidentDetail;
  canWrite: boolean;
}) {
  const remove = useIncidentMutation(orgId, incident.id, (incidentLinkId: string) =>
    callApi(routes.removeIncidentLink, { params: { orgId, incidentId: incident.id, incidentLinkId } }),
  );
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">
          Linked records
        </Title>
        {remove.error && <ErrorAlert error={remove.error} title="Link not removed" />}
        {incident.links.length === 0 ? (
          <Text>Nothing linked yet. Link the risk this incident realised, the change or alert behind it.</Text>
        ) : (
          <List spacing="xs">
            {incident.links.map((link) => {
              const path = linkedRecordPath(orgId, link.kind, link.targetId);
              const name = `${link.ref} ${link.title}`.trim() || "A record that is no longer readable";
              return (
                <List.Item key={link.id}>
                  <Group gap="xs">
                    <Text span c="dimmed">
                      {labelOf("incidentLinkKind", link.kind)}:
                    </Text>
                    {path ? (
                      <Anchor component={Link} to={path}>
                        {name}
                      </Anchor>
                    ) : (
                      <Text span>{name}</Text>
                    )}
                    {canWrite && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={`Remove the link to ${name}`}
                        onClick={() => remove.mutate(link.id)}
                      >
                        Remove
                      </Button>
                    )}
                  </Group>
                </List.Item>
              );
            })}
          </List>
        )}
        {canWrite && <AddLinkForm orgId={orgId} incident={incident} />}
      </Stack>
    </Card>
  );
}
