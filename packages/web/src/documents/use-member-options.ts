import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";

/** Active members as select options (value = membership id), for owners, approvers and assignments. */
export function useMemberOptions() {
  const { orgId } = useOrg();
  return useQuery({
    queryKey: ["members", orgId, "options"],
    queryFn: async () => {
      const page = await callApi(routes.listMembers, {
        params: { orgId },
        query: { status: "active", sort: "name", limit: 200 },
      });
      return page.items.map((member) => ({ value: member.id, label: member.name }));
    },
  });
}
