import { Anchor, Badge, Card, Group, List, Stack, Tabs, Text, Title } from "@mantine/core";
import { enumLabels, type MyWork, routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { DueItemLine } from "./due-item-line";
import { NotificationsPanel } from "./notifications-panel";
import { useUnreadCount } from "./use-unread-count";

/** What each group means, under its heading. */
const groupHints: Record<MyWork["groups"][number]["group"], string> = {
  overdue: "Past their due date: these first.",
  this_week: "Due within the next seven days.",
  later: "Due after this week.",
  undated: "No due date: approvals, sign-offs and assessments wait on you now.",
};

/**
 * Everything that waits on the signed-in member across the management system, grouped by when it is
 * due, and their notifications on a second tab (`/my-work/notifications`).
 */
export default function MyWorkPage({ tab }: { tab: "work" | "notifications" }) {
  const { orgId } = useOrg();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  return (
    <Stack gap="lg">
      <PageHeader title="My work" />
      <Tabs
        value={tab}
        onChange={(value) => navigate(`/o/${orgId}/my-work${value === "notifications" ? "/notifications" : ""}`)}
      >
        <Tabs.List>
          <Tabs.Tab value="work">To do</Tabs.Tab>
          <Tabs.Tab
            value="notifications"
            rightSection={
              unread > 0 ? (
                <Badge size="xs" circle color="red" aria-label={`${unread} unread`}>
                  {unread}
                </Badge>
              ) : null
            }
          >
            Notifications
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="work" pt="md">
          {tab === "work" && <WorkList />}
        </Tabs.Panel>
        <Tabs.Panel value="notifications" pt="md">
          {tab === "notifications" && <NotificationsPanel />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function WorkList() {
  const { orgId } = useOrg();
  const work = useQuery({
    queryKey: ["my-work", orgId],
    queryFn: () => callApi(routes.getMyWork, { params: { orgId } }),
  });
  if (work.isPending) return <PageLoader />;
  if (work.isError) return <ErrorAlert error={work.error} />;
  if (work.data.total === 0)
    return (
      <Card withBorder>
        <Stack gap="xs">
          <Title order={2} size="h4">
            Nothing waits on you
          </Title>
          <Text size="sm">
            No approvals, actions, reviews or audit items are yours right now. When something falls due you will see it
            here, get a notification and, if you keep e-mail reminders on, an e-mail.{" "}
            <Anchor component={Link} to={`/o/${orgId}/readiness`}>
              See what the management system still needs
            </Anchor>
          </Text>
        </Stack>
      </Card>
    );
  return (
    <Stack gap="lg">
      <Text size="sm">
        {work.data.total} {work.data.total === 1 ? "item waits" : "items wait"} on you
        {work.data.overdue > 0 ? `, ${work.data.overdue} overdue` : ""}.
      </Text>
      {work.data.groups
        .filter((group) => group.items.length > 0)
        .map((group) => (
          <Card withBorder component="section" key={group.group} aria-labelledby={`group-${group.group}`}>
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4" id={`group-${group.group}`}>
                {enumLabels.myWorkGroup[group.group]} ({group.items.length})
              </Title>
            </Group>
            <Text size="sm" c="dimmed" mb="sm">
              {groupHints[group.group]}
            </Text>
            <List spacing={6} listStyleType="none">
              {group.items.map((item) => (
                <List.Item key={`${item.kind}:${item.recordId}`}>
                  <DueItemLine item={item} />
                </List.Item>
              ))}
            </List>
          </Card>
        ))}
    </Stack>
  );
}
