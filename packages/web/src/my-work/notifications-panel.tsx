import { Anchor, Button, Card, Group, Stack, Text } from "@mantine/core";
import {
  type EventNotificationKind,
  enumLabels,
  eventNotificationKinds,
  type Notification,
  type ReminderKind,
  reminderKinds,
  routes,
} from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { LoadMore } from "../ui/load-more";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";

const isReminderKind = (kind: string): kind is ReminderKind => (reminderKinds as readonly string[]).includes(kind);
const isEventKind = (kind: string): kind is EventNotificationKind =>
  (eventNotificationKinds as readonly string[]).includes(kind);

function kindLabel(kind: string): string {
  if (isReminderKind(kind)) return enumLabels.reminderKind[kind];
  return isEventKind(kind) ? enumLabels.eventNotificationKind[kind] : kind;
}

/** The member's notifications, unread first; opening one or "Mark read" marks it read. */
export function NotificationsPanel() {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const list = usePagedQuery(["notifications", orgId, "list"], (cursor) =>
    callApi(routes.listNotifications, { params: { orgId }, query: { cursor, limit: PAGE_SIZE } }),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["notifications", orgId] });
  const markRead = useMutation({
    mutationFn: (notificationId: string) => callApi(routes.markNotificationRead, { params: { orgId, notificationId } }),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => callApi(routes.markAllNotificationsRead, { params: { orgId } }),
    onSuccess: refresh,
  });
  if (list.isPending) return <PageLoader />;
  return (
    <Stack gap="md">
      {list.error && <ErrorAlert error={list.error} />}
      {(markRead.error || markAll.error) && <ErrorAlert error={markRead.error ?? markAll.error} />}
      {list.items.length === 0 ? (
        <Text size="sm">
          No notifications yet. Reminders of what falls due appear here; the To do tab lists everything that waits on
          you now.
        </Text>
      ) : (
        <>
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={() => markAll.mutate()}
              loading={markAll.isPending}
              disabled={list.items.every((item) => item.readAt !== null)}
            >
              Mark all read
            </Button>
          </Group>
          {list.items.map((item) => (
            <NotificationCard
              key={item.id}
              item={item}
              onRead={() => markRead.mutate(item.id)}
              busy={markRead.isPending && markRead.variables === item.id}
            />
          ))}
          <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
        </>
      )}
    </Stack>
  );
}

function NotificationCard({ item, onRead, busy }: { item: Notification; onRead: () => void; busy: boolean }) {
  const { orgId } = useOrg();
  const unread = item.readAt === null;
  return (
    <Card withBorder padding="sm" bg={unread ? "var(--mantine-color-blue-light)" : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            {unread && (
              <StatusBadge tone="progress" size="xs">
                Unread
              </StatusBadge>
            )}
            <Text size="xs" c="dimmed">
              {kindLabel(item.kind)} · {formatDateTime(item.createdAt)}
            </Text>
          </Group>
          {item.path ? (
            <Anchor component={Link} to={`/o/${orgId}/${item.path}`} fw={unread ? 600 : undefined} onClick={onRead}>
              {item.title}
            </Anchor>
          ) : (
            <Text fw={unread ? 600 : undefined}>{item.title}</Text>
          )}
          {item.body && <Text size="sm">{item.body}</Text>}
        </Stack>
        {unread && (
          <Button variant="subtle" size="xs" onClick={onRead} loading={busy}>
            Mark read
          </Button>
        )}
      </Group>
    </Card>
  );
}
