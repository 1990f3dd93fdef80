import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";

/** How many of the member's notifications are unread, refreshed every minute while the page is open. */
export function useUnreadCount(): number {
  const { orgId } = useOrg();
  const count = useQuery({
    queryKey: ["notifications", orgId, "unread-count"],
    queryFn: () => callApi(routes.countUnreadNotifications, { params: { orgId } }),
    refetchInterval: 60_000,
  });
  return count.data?.unread ?? 0;
}
