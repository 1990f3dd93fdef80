import { ActionIcon, Indicator, Tooltip } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { useCurrentMembership } from "./current-org";

/** A bell with the number of unread notifications in the current organisation; it opens them. */
export function NotificationsBell() {
  const membership = useCurrentMembership();
  const orgId = membership?.orgId ?? "";
  const count = useQuery({
    queryKey: ["notifications", orgId, "unread-count"],
    queryFn: () => callApi(routes.countUnreadNotifications, { params: { orgId } }),
    enabled: membership !== null,
    refetchInterval: 60_000,
  });
  if (!membership) return null;
  const unread = count.data?.unread ?? 0;
  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <Tooltip label={label}>
      <Indicator label={unread > 99 ? "99+" : unread} size={18} color="red" disabled={unread === 0} offset={4}>
        <ActionIcon
          component={Link}
          to={`/o/${orgId}/my-work/notifications`}
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={label}
        >
          <svg width="20" height="20" viewBox="0 0 24 24" fill="none" aria-hidden="true">
            <path
              d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
