import { useDebouncedValue } from "@mantine/hooks";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";

/** Live controls matching a search, as options for a picker. */
export function useControlOptions(orgId: string, search: string, exclude: readonly string[]) {
  const [q] = useDebouncedValue(search.trim(), 300);
  const controls = useQuery({
    queryKey: ["controls", orgId, "options", q],
    queryFn: () => callApi(routes.listControls, { params: { orgId }, query: { q: q || undefined, limit: 50 } }),
  });
  const options = (controls.data?.items ?? [])
    .filter((control) => !exclude.includes(control.id))
    .map((control) => ({ value: control.id, label: `${control.ref} ${control.title}` }));
  return { options, error: controls.error };
}
