import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";

/** Active AI systems of the inventory as select options (value = system id). */
export function useSystemOptions() {
  const { orgId } = useOrg();
  return useQuery({
    queryKey: ["systems", orgId, "options"],
    queryFn: async () => {
      const page = await callApi(routes.listSystems, {
        params: { orgId },
        query: { archived: "false", sort: "name", limit: 200 },
      });
      return page.items.map((system) => ({ value: system.id, label: system.name }));
    },
  });
}
