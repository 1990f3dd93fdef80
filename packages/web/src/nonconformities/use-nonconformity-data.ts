import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";

export { useMemberOptions, useSystemOptions } from "../risks/use-risk-data";

/** One nonconformity with its actions and checks. */
export function useNonconformity(orgId: string, nonconformityId: string) {
  return useQuery({
    queryKey: ["nonconformities", orgId, "detail", nonconformityId],
    queryFn: ({ signal }) => callApi(routes.getNonconformity, { params: { orgId, nonconformityId }, signal }),
  });
}

/** The audit-trail entries of one record, newest first, for readers allowed to see the trail. */
export function useRecordHistory(orgId: string, entityId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["audit-trail", orgId, "record", entityId],
    queryFn: ({ signal }) =>
      callApi(routes.listAuditEntries, { params: { orgId }, query: { entityId, limit: 50, sort: "-seq" }, signal }),
    enabled,
  });
}
