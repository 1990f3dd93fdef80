import { routes } from "@openaims/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";

export { useMemberOptions } from "../risks/use-risk-data";

/** Coverage per role and responsibility, the gaps and the policy acknowledgement count, as of now. */
export function useTrainingCoverage(orgId: string) {
  return useQuery({
    queryKey: ["competence", orgId, "coverage"],
    queryFn: ({ signal }) => callApi(routes.getTrainingCoverage, { params: { orgId }, signal }),
  });
}

/** Whether the signed-in member still has to acknowledge the AI policy in force. */
export function useMyPolicyAcknowledgement(orgId: string) {
  return useQuery({
    queryKey: ["competence", orgId, "my-acknowledgement"],
    queryFn: ({ signal }) => callApi(routes.getMyPolicyAcknowledgement, { params: { orgId }, signal }),
  });
}

/** Refetches everything of the competence pages after a change. */
export function useCompetenceRefresh(orgId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["competence", orgId] });
}
