import { type IncidentDetail, routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";

export const incidentKey = (orgId: string, incidentId: string) => ["incidents", orgId, "detail", incidentId];

export function useIncident(orgId: string, incidentId: string) {
  return useQuery({
    queryKey: incidentKey(orgId, incidentId),
    queryFn: ({ signal }) => callApi(routes.getIncident, { params: { orgId, incidentId }, signal }),
  });
}

/**
 * A change to an incident: every incident route answers with the whole incident, which replaces the
 * cached one; the lists are refreshed.
 */
export function useIncidentMutation<V>(
  orgId: string,
  incidentId: string,
  send: (variables: V) => Promise<IncidentDetail>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (incident) => {
      queryClient.setQueryData(incidentKey(orgId, incidentId), incident);
      await queryClient.invalidateQueries({ queryKey: ["incidents", orgId, "list"] });
    },
    meta: { inlineError: true },
  });
}
