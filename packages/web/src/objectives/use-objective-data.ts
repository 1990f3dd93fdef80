import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";

export { useMemberOptions } from "../risks/use-risk-data";

/** One objective with its progress history. */
export function useObjective(orgId: string, objectiveId: string, enabled = true) {
  return useQuery({
    queryKey: ["objectives", orgId, "detail", objectiveId],
    queryFn: ({ signal }) => callApi(routes.getObjective, { params: { orgId, objectiveId }, signal }),
    enabled,
  });
}

/** The organisation's metrics as select options, named with their AI system. */
export function useMetricOptions(orgId: string) {
  return useQuery({
    queryKey: ["monitoring", orgId, "metric-options"],
    queryFn: async ({ signal }) => {
      const page = await callApi(routes.listMetrics, { params: { orgId }, query: { limit: 200 }, signal });
      return page.items.map((metric) => ({
        value: metric.id,
        label: `${metric.name}${metric.unit ? ` (${metric.unit})` : ""} — ${metric.system.name}`,
        unit: metric.unit,
      }));
    },
  });
}

/** The metric's observations over the last 90 days, for an objective measured by it. */
export function useMetricObservations(orgId: string, metricId: string | null) {
  return useQuery({
    queryKey: ["monitoring", orgId, "chart", metricId, 90],
    queryFn: ({ signal }) =>
      callApi(routes.getMetricChart, {
        params: { orgId, metricId: metricId ?? "" },
        query: { from: new Date(Date.now() - 90 * 86_400_000).toISOString() },
        signal,
      }),
    enabled: metricId !== null,
  });
}
