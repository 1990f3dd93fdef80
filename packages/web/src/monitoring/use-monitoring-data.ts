import { type Alert, routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";

/** One metric with its latest value and state. */
export function useMetric(orgId: string, metricId: string) {
  return useQuery({
    queryKey: ["monitoring", orgId, "metric", metricId],
    queryFn: ({ signal }) => callApi(routes.getMetric, { params: { orgId, metricId }, signal }),
  });
}

/** A metric's chart data for the last `days` days. */
export function useMetricChart(orgId: string, metricId: string, days: number) {
  return useQuery({
    queryKey: ["monitoring", orgId, "chart", metricId, days],
    queryFn: ({ signal }) => {
      const to = new Date();
      const from = new Date(to.getTime() - days * 86_400_000);
      return callApi(routes.getMetricChart, {
        params: { orgId, metricId },
        query: { from: from.toISOString(), to: to.toISOString() },
        signal,
      });
    },
  });
}

/** Acknowledge, resolve and "open incident" for one alert; each refreshes what monitoring shows. */
export function useAlertActions(orgId: string, alert: Pick<Alert, "id" | "version">) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["monitoring", orgId] });
  const params = { orgId, alertId: alert.id };
  const acknowledge = useMutation({
    mutationFn: () => callApi(routes.acknowledgeAlert, { params, body: { version: alert.version } }),
    onSuccess: refresh,
  });
  const resolve = useMutation({
    mutationFn: (note: string) => callApi(routes.resolveAlert, { params, body: { version: alert.version, note } }),
    onSuccess: refresh,
  });
  return { acknowledge, resolve };
}
