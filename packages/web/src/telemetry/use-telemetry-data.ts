import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";

/** The windows a telemetry page can show, in minutes. */
export const telemetryWindows = [
  { value: "60", label: "1 hour" },
  { value: "1440", label: "24 hours" },
  { value: "10080", label: "7 days" },
  { value: "43200", label: "30 days" },
];

/** Telemetry refreshes itself while the page is open: spans keep arriving. */
const REFRESH_MS = 30_000;

/** What a system's spans add up to over the last `minutes`, with the series for charts. */
export function useTelemetrySummary(orgId: string, systemId: string, minutes: number) {
  return useQuery({
    queryKey: ["telemetry", orgId, "summary", systemId, minutes],
    refetchInterval: REFRESH_MS,
    queryFn: ({ signal }) => {
      const to = new Date();
      const from = new Date(to.getTime() - minutes * 60_000);
      return callApi(routes.getSystemTelemetrySummary, {
        params: { orgId, systemId },
        query: { from: from.toISOString(), to: to.toISOString() },
        signal,
      });
    },
  });
}

/** A system's service name, content capture and latest span. */
export function useSystemTelemetrySettings(orgId: string, systemId: string) {
  return useQuery({
    queryKey: ["telemetry", orgId, "system-settings", systemId],
    refetchInterval: REFRESH_MS,
    queryFn: ({ signal }) => callApi(routes.getSystemTelemetrySettings, { params: { orgId, systemId }, signal }),
  });
}

/** The organisation's telemetry settings: which attributes name the system and the caller. */
export function useTelemetrySettings(orgId: string) {
  return useQuery({
    queryKey: ["telemetry", orgId, "settings"],
    queryFn: ({ signal }) => callApi(routes.getTelemetrySettings, { params: { orgId }, signal }),
  });
}

/** A system's newest spans. */
export function useRecentSpans(orgId: string, systemId: string) {
  return useQuery({
    queryKey: ["telemetry", orgId, "spans", systemId],
    refetchInterval: REFRESH_MS,
    queryFn: ({ signal }) =>
      callApi(routes.listSystemSpans, { params: { orgId, systemId }, query: { limit: 25 }, signal }),
  });
}

/** The metrics kept for one system (those derived from telemetry among them). */
export function useSystemMetrics(orgId: string, systemId: string) {
  return useQuery({
    queryKey: ["monitoring", orgId, "system-metrics", systemId],
    queryFn: ({ signal }) =>
      callApi(routes.listMetrics, { params: { orgId }, query: { systemId, limit: 100 }, signal }),
  });
}
