import { routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";

/** One management review with its frozen pack, decisions and actions. */
export function useReview(orgId: string, reviewId: string) {
  return useQuery({
    queryKey: ["management-reviews", orgId, "detail", reviewId],
    queryFn: ({ signal }) => callApi(routes.getManagementReview, { params: { orgId, reviewId }, signal }),
  });
}

/** The pack compiled live as of an instant (or now), without a review; off until asked for. */
export function useLivePack(orgId: string, asOf: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ["management-reviews", orgId, "live-pack", asOf ?? "now"],
    queryFn: ({ signal }) =>
      callApi(routes.getReviewPack, { params: { orgId }, query: { format: "json", asOf }, signal }),
    enabled,
    staleTime: 60_000,
  });
}

/**
 * A change to a review that answers with the whole review: the answer replaces the cached review, and
 * the list is refreshed. Errors stay beside the control that caused them.
 */
export function useReviewMutation<T>(orgId: string, reviewId: string, change: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: async (answer) => {
      if (answer && typeof answer === "object" && "missingDecisions" in answer)
        queryClient.setQueryData(["management-reviews", orgId, "detail", reviewId], answer);
      await queryClient.invalidateQueries({ queryKey: ["management-reviews", orgId] });
    },
    meta: { inlineError: true },
  });
}
