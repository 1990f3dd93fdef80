import { type EvidenceTargetType, labelOf, routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";

export interface TargetOption {
  value: string;
  label: string;
}

/** Enough for every Annex A control plus custom ones; pickers search within what is loaded. */
const PICKER_LIMIT = 200;

async function fetchOptions(orgId: string, type: EvidenceTargetType): Promise<TargetOption[]> {
  const label = (ref: string, title: string) => `${ref} — ${title}`;
  if (type === "control") {
    const page = await callApi(routes.listControls, { params: { orgId }, query: { limit: PICKER_LIMIT } });
    return page.items.map((c) => ({ value: c.id, label: label(c.ref, c.title) }));
  }
  if (type === "risk") {
    const page = await callApi(routes.listRisks, { params: { orgId }, query: { limit: PICKER_LIMIT } });
    return page.items.map((r) => ({ value: r.id, label: label(r.ref, r.title) }));
  }
  if (type === "system") {
    const page = await callApi(routes.listSystems, { params: { orgId }, query: { limit: PICKER_LIMIT } });
    return page.items.map((s) => ({ value: s.id, label: label(s.slug, s.name) }));
  }
  if (type === "asset") {
    const page = await callApi(routes.listAssets, { params: { orgId }, query: { limit: PICKER_LIMIT } });
    return page.items.map((a) => ({ value: a.id, label: `${a.name} (${labelOf("assetKind", a.kind)})` }));
  }
  const catalogue = await callApi(routes.getCatalogue);
  return catalogue.clauses.map((c) => ({ value: c.id, label: label(c.id, c.title) }));
}

/** What evidence can be linked to, of one type, as picker options. */
export function useLinkTargets(type: EvidenceTargetType) {
  const { orgId } = useOrg();
  return useQuery({
    queryKey: ["evidence-link-targets", orgId, type],
    queryFn: () => fetchOptions(orgId, type),
    staleTime: 60_000,
  });
}
