import { useDebouncedValue } from "@mantine/hooks";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";

/** Risks matching a search, as options for a picker. */
export function useRiskOptions(orgId: string, search: string, exclude: readonly string[]) {
  const [q] = useDebouncedValue(search.trim(), 300);
  const risks = useQuery({
    queryKey: ["risks", orgId, "options", q],
    queryFn: () => callApi(routes.listRisks, { params: { orgId }, query: { q: q || undefined, limit: 20 } }),
  });
  const options = (risks.data?.items ?? [])
    .filter((risk) => !exclude.includes(risk.id))
    .map((risk) => ({ value: risk.id, label: `${risk.ref} ${risk.title}` }));
  return { options, error: risks.error };
}
