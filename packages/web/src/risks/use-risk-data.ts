import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";

/** The organisation's risk method (scales, matrix, acceptance rules). */
export function useRiskMethod(orgId: string) {
  return useQuery({
    queryKey: ["risk-method", orgId],
    queryFn: ({ signal }) => callApi(routes.getRiskMethod, { params: { orgId }, signal }),
  });
}

/** One risk with its actions and acceptances. */
export function useRisk(orgId: string, riskId: string) {
  return useQuery({
    queryKey: ["risks", orgId, "detail", riskId],
    queryFn: ({ signal }) => callApi(routes.getRisk, { params: { orgId, riskId }, signal }),
  });
}

/** Active members as select options, for owner fields. */
export function useMemberOptions(orgId: string) {
  return useQuery({
    queryKey: ["members", orgId, "options"],
    queryFn: async ({ signal }) => {
      const page = await callApi(routes.listMembers, {
        params: { orgId },
        query: { limit: 200, status: "active" },
        signal,
      });
      return page.items.map((member) => ({ value: member.id, label: member.name || member.email }));
    },
  });
}

/** Active AI systems as select options. */
export function useSystemOptions(orgId: string) {
  return useQuery({
    queryKey: ["systems", orgId, "options"],
    queryFn: async ({ signal }) => {
      const page = await callApi(routes.listSystems, { params: { orgId }, query: { limit: 200 }, signal });
      return page.items.map((system) => ({ value: system.id, label: system.name }));
    },
  });
}

/** Threats of the library and Annex C risk sources, for the risk form. */
export function useRiskCatalogue() {
  const threats = useQuery({
    queryKey: ["catalogue", "threats"],
    queryFn: ({ signal }) => callApi(routes.listThreats, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const frameworks = useQuery({
    queryKey: ["catalogue", "frameworks"],
    queryFn: ({ signal }) => callApi(routes.getFrameworkMappings, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return {
    threats: threats.data?.threats.map((t) => ({ value: t.id, label: t.title })) ?? [],
    riskSources: frameworks.data?.annexC.riskSources.map((s) => ({ value: s.id, label: `${s.id} ${s.title}` })) ?? [],
  };
}
