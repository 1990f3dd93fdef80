import { type IncidentLinkKind, routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";

/** The kinds a person links by choosing a record; corrective actions are reached through their nonconformity. */
export const linkableKinds = [
  "risk",
  "change",
  "alert",
  "nonconformity",
  "incident",
] as const satisfies readonly IncidentLinkKind[];
export type LinkableKind = (typeof linkableKinds)[number];

interface Option {
  value: string;
  label: string;
}

const loaders: Record<LinkableKind, (orgId: string, signal: AbortSignal) => Promise<Option[]>> = {
  risk: async (orgId, signal) =>
    (await callApi(routes.listRisks, { params: { orgId }, query: { limit: 200, status: "all" }, signal })).items.map(
      (r) => ({ value: r.id, label: `${r.ref} ${r.title}` }),
    ),
  change: async (orgId, signal) =>
    (await callApi(routes.listChanges, { params: { orgId }, query: { limit: 200 }, signal })).items.map((c) => ({
      value: c.id,
      label: `${c.ref} ${c.summary}`,
    })),
  alert: async (orgId, signal) =>
    (await callApi(routes.listAlerts, { params: { orgId }, query: { limit: 200 }, signal })).items.map((a) => ({
      value: a.id,
      label: `${a.ref} ${a.metric.name}`,
    })),
  nonconformity: async (orgId, signal) =>
    (await callApi(routes.listNonconformities, { params: { orgId }, query: { limit: 200 }, signal })).items.map(
      (n) => ({ value: n.id, label: `${n.ref} ${n.title}` }),
    ),
  incident: async (orgId, signal) =>
    (await callApi(routes.listIncidents, { params: { orgId }, query: { limit: 200 }, signal })).items.map((i) => ({
      value: i.id,
      label: `${i.ref} ${i.title}`,
    })),
};

/** Records of one kind to choose from when linking, newest first. */
export function useLinkOptions(orgId: string, kind: LinkableKind | null) {
  return useQuery({
    queryKey: ["incidents", orgId, "link-options", kind],
    queryFn: ({ signal }) => (kind ? loaders[kind](orgId, signal) : Promise.resolve([])),
    enabled: kind !== null,
  });
}

/** Where a linked record's page is. */
export function linkedRecordPath(orgId: string, kind: IncidentLinkKind, id: string): string | null {
  switch (kind) {
    case "risk":
      return `/o/${orgId}/risks/${id}`;
    case "change":
      return `/o/${orgId}/changes/${id}`;
    case "alert":
      return `/o/${orgId}/monitoring/alerts/${id}`;
    case "nonconformity":
      return `/o/${orgId}/nonconformities/${id}`;
    case "incident":
      return `/o/${orgId}/incidents/${id}`;
    default:
      return null;
  }
}
