import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";

// The catalogue only changes with a new release, so one fetch per page load is enough.
const once = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY } as const;

/** Clauses 4–10 and Annex A with guidance. */
export function useCatalogue() {
  return useQuery({ queryKey: ["catalogue"], queryFn: () => callApi(routes.getCatalogue), ...once });
}

/** The AI threat library. */
export function useThreatLibrary() {
  return useQuery({ queryKey: ["catalogue", "threats"], queryFn: () => callApi(routes.listThreats), ...once });
}

/** Outside frameworks and crosswalks; only the links of one clause, area or control when `iso42001` is given. */
export function useFrameworkMappings(iso42001?: string) {
  return useQuery({
    queryKey: ["catalogue", "frameworks", iso42001 ?? "all"],
    queryFn: () => callApi(routes.getFrameworkMappings, { query: { iso42001 } }),
    ...once,
  });
}
