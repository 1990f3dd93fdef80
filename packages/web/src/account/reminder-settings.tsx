import { Alert, Button, Card, Group, Select, Stack, Switch, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "../api/client";
import { useMe } from "../auth/me-context";
import type { Membership } from "../auth/session";
import { useCurrentMembership } from "../shell/current-org";
import { CopyField } from "../ui/copy-field";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";

/**
 * Reminder e-mail and the calendar feed, per organisation (both belong to a membership): the switch
 * for e-mail reminders, and a secret calendar URL to create, copy once, replace or revoke.
 */
export function ReminderSettings() {
  const { memberships } = useMe();
  const current = useCurrentMembership();
  const [orgId, setOrgId] = useState<string | null>(current?.orgId ?? memberships[0]?.orgId ?? null);
  const membership = memberships.find((m) => m.orgId === orgId);
  if (!membership) return null;
  return (
    <Card withBorder component="section" aria-labelledby="reminders-heading">
      <Stack>
        <Title order={2} size="h3" id="reminders-heading">
          Reminders and calendar
        </Title>
        {memberships.length > 1 && (
          <Select
            label="Organisation"
            data={memberships.map((m) => ({ value: m.orgId, label: m.orgName }))}
            value={orgId}
            onChange={setOrgId}
            allowDeselect={false}
            maw={360}
          />
        )}
        <EmailReminders membership={membership} />
        <CalendarFeed membership={membership} />
      </Stack>
    </Card>
  );
}

function EmailReminders({ membership }: { membership: Membership }) {
  const { orgId } = membership;
  const queryClient = useQueryClient();
  const key = ["notification-settings", orgId];
  const settings = useQuery({
    queryKey: key,
    queryFn: () => callApi(routes.getNotificationSettings, { params: { orgId } }),
  });
  const update = useMutation({
    mutationFn: (emailReminders: boolean) =>
      callApi(routes.updateNotificationSettings, { params: { orgId }, body: { emailReminders } }),
    onSuccess: (result) => queryClient.setQueryData(key, result),
    meta: { inlineError: true },
  });
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  return (
    <Stack gap="xs">
      <Switch
        label="E-mail me reminders of what falls due"
        description={`Overdue and upcoming work in ${membership.orgName}. Reminders always appear under My work → Notifications.`}
        checked={settings.data?.emailReminders ?? true}
        disabled={settings.isPending || update.isPending}
        onChange={(event) => update.mutate(event.currentTarget.checked)}
      />
      {settings.data && !settings.data.emailAvailable && (
        <Text size="sm" c="dimmed">
          This server sends no e-mail yet (no SMTP server is set up), so reminders are shown in the app only.
        </Text>
      )}
      {update.error && <ErrorAlert error={update.error} title="Could not change the setting" />}
    </Stack>
  );
}

function CalendarFeed({ membership }: { membership: Membership }) {
  const { orgId } = membership;
  const queryClient = useQueryClient();
  const key = ["calendar-feed", orgId];
  const [url, setUrl] = useState<string | null>(null);
  const feed = useQuery({ queryKey: key, queryFn: () => callApi(routes.getCalendarFeed, { params: { orgId } }) });
  const create = useMutation({
    mutationFn: () => callApi(routes.createCalendarFeed, { params: { orgId } }),
    onSuccess: (result) => {
      setUrl(result.url);
      queryClient.setQueryData(key, { active: true, createdAt: result.createdAt, lastUsedAt: null });
    },
    meta: { inlineError: true },
  });
  const revoke = useMutation({
    mutationFn: () => callApi(routes.revokeCalendarFeed, { params: { orgId } }),
    onSuccess: (result) => {
      setUrl(null);
      queryClient.setQueryData(key, result);
    },
    meta: { inlineError: true },
  });
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Calendar feed
      </Title>
      <Text size="sm">
        Subscribe to your due dates in {membership.orgName} from Outlook, Google Calendar or Apple Calendar. The link is
        secret: anyone who has it sees your due items, so keep it to yourself and revoke it if it leaks.
      </Text>
      {feed.isError && <ErrorAlert error={feed.error} />}
      {feed.data?.active && !url && (
        <Text size="sm">
          You have a feed, created {formatDateTime(feed.data.createdAt)}
          {feed.data.lastUsedAt ? `, last read ${formatDateTime(feed.data.lastUsedAt)}` : ", not read yet"}. Its link
          was shown once; make a new one if you need it again.
        </Text>
      )}
      {url && (
        <Stack gap="xs">
          <Alert color="red" title="This link won't be shown again">
            Copy it into your calendar now. Making a new link stops this one working.
          </Alert>
          <CopyField label="Calendar feed URL" value={url} />
        </Stack>
      )}
      {(create.error || revoke.error) && <ErrorAlert error={create.error ?? revoke.error} />}
      <Group>
        <Button
          onClick={() => create.mutate()}
          loading={create.isPending}
          variant={feed.data?.active ? "default" : "filled"}
        >
          {feed.data?.active ? "Replace the link" : "Create a calendar link"}
        </Button>
        {feed.data?.active && (
          <Button color="red" variant="light" onClick={() => revoke.mutate()} loading={revoke.isPending}>
            Revoke
          </Button>
        )}
      </Group>
    </Stack>
  );
}
